package dev.trellis.platform.http;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list, as it goes on the wire: {@code {"items": [...], "next": "<cursor>"}}
 * plus a {@code Link: <…>; rel="next"} header.
 */
public record Page<T>(List<T> items, String next) {

    /**
     * Cuts a fetch of {@link PageRequest#fetchSize()} rows down to the page, and makes the cursor from
     * the last row shown.
     */
    public static <R, T> Page<T> of(List<R> fetched, PageRequest request, Function<R, Cursor> cursorOf,
            Function<R, T> mapper) {
        boolean more = fetched.size() > request.limit();
        List<R> shown = more ? fetched.subList(0, request.limit()) : fetched;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(mapper).toList(), next);
    }

    public Response toResponse(UriInfo uri) {
        Response.ResponseBuilder ok = Response.ok(this);
        if (next != null) {
            ok.links(Link.fromUri(uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build())
                    .rel("next").build());
        }
        return ok.build();
    }
}
