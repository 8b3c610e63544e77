package dev.trellis.console.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The body limit per path: the import pages ({@code trellis.console.uploads.paths}) take files up to Quarkus' own
 * limit ({@code quarkus.http.limits.max-body-size}, 64 MiB, the API's import limit), every other page
 * {@code trellis.console.max-body-size} (1 MiB), refused with 413 before the body is read. A browser always declares
 * a form's length; a chunked body outside the import pages is refused with 411.
 */
@ApplicationScoped
public class UploadLimit {
    private final long maxBytes;
    private final Set<String> uploadPaths;

    UploadLimit(@ConfigProperty(name = "trellis.console.max-body-size", defaultValue = "1M") MemorySize maxBytes,
            @ConfigProperty(name = "trellis.console.uploads.paths") List<String> uploadPaths) {
        this.maxBytes = maxBytes.asLongValue();
        this.uploadPaths = Set.copyOf(uploadPaths);
    }

    void install(@Observes Router router) {
        // Ahead of Quarkus' own length check (-2) and of its form parsing.
        router.route().order(-1000).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (uploadPaths.contains(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length == null) {
            String coding = ctx.request().getHeader("Transfer-Encoding");
            if (coding != null && !coding.isBlank()) {
                refuse(ctx, 411, "Length required", "Send the form with its length.");
                return;
            }
        } else {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    refuse(ctx, 413, "Too large", "What was sent is larger than this page accepts (" + maxBytes
                            + " bytes).");
                    return;
                }
            } catch (NumberFormatException e) {
                // the HTTP layer answers a malformed length itself
            }
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, int status, String title, String detail) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=UTF-8")
                .putHeader("Connection", "close")
                .end("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                        + " · Trellis</title></head><body><h1>" + title + "</h1><p>" + detail + "</p>"
                        + "<p><a href=\"/\">Back to the console</a></p></body></html>");
    }
}
