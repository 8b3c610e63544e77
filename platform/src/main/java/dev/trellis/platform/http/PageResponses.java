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
        return builder(page, uri).build();
    }

    static Response.ResponseBuilder builder(Page<?> page, UriInfo uri) {
        return next(Response.ok(page), page, uri);
    }

    /** Adds the {@code Link: rel="next"} of {@code page}, if it has a next page, to any answer made of it. */
    static Response.ResponseBuilder next(Response.ResponseBuilder ok, Page<?> page, UriInfo uri) {
        if (page.next() != null) {
            ok.links(Link.fromUri(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next()).build())
                    .rel("next").build());
        }
        return ok;
    }
}
