package dev.trellis.platform.http;

import dev.trellis.platform.paging.Page;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A page on the wire: {@code {"items": [...], "next": "<cursor>"}} and a {@code Link: <…>; rel="next"} header. */
public final class PageResponses {
    private PageResponses() {
    }

    public static Response of(Page<?> page, UriInfo uri) {
        Response.ResponseBuilder ok = Response.ok(page);
        if (page.next() != null) {
            ok.links(Link.fromUri(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next()).build())
                    .rel("next").build());
        }
        return ok.build();
    }
}
