package dev.trellis.console.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A file the console hands the browser to save (a subject-access export, an import report): never cached. */
final class Attachments {
    private Attachments() {
    }

    static Response.ResponseBuilder of(Object body, String mediaType, String fileName) {
        return Response.ok(body, mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
