package dev.trellis.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The body limit of each path ({@link BodyLimits}), and problem+json for the errors that HTTP itself raises before a
 * resource runs, such as a body over that limit (413). Everything after that goes through {@link ProblemMappers}.
 */
@ApplicationScoped
public class TransportProblems {
    /** Where Quarkus' limit handler leaves the limit for a chunked body, which the REST layer's reader enforces. */
    static final String CHUNKED_LIMIT_KEY = "io.quarkus.max-request-size";
    /** Right after Quarkus' own limit handler (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    private static final int AFTER_QUARKUS_LIMIT = -1;

    private final ObjectMapper json;
    private final BodyLimits limits;

    public TransportProblems(ObjectMapper json) {
        this.json = json;
        this.limits = BodyLimits.of(ConfigProvider.getConfig());
    }

    void install(@Observes Router router) {
        // Ahead of Quarkus' own handler, which answers a Content-Length over its ceiling with an empty 413.
        router.route().order(-1000).handler(this::checkLength);
        // Quarkus gives a chunked body its ceiling as the limit, which the REST layer enforces with an empty 413. The
        // path's own limit replaces it; an upload path's file stream is counted by ChunkedUploadLimit instead.
        router.route().order(AFTER_QUARKUS_LIMIT).handler(this::limitChunked);
        // A chunked body found too large while it is read fails the request with 413.
        router.route().failureHandler(this::problem);
    }

    private void limitChunked(RoutingContext ctx) {
        if (ctx.request().getHeader("Content-Length") == null) {
            if (limits.isUpload(ctx.normalizedPath())) {
                ctx.remove(CHUNKED_LIMIT_KEY);
            } else {
                ctx.put(CHUNKED_LIMIT_KEY, limits.maxBytes(ctx.normalizedPath()));
            }
        }
        ctx.next();
    }

    private void checkLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limits.maxBytes(ctx.normalizedPath())) {
                    respond(ctx);
                    return;
                }
            } catch (NumberFormatException e) {
                // not ours to judge: the HTTP layer rejects a malformed length
            }
        }
        ctx.next();
    }

    private void problem(RoutingContext ctx) {
        if (ctx.statusCode() != 413 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        respond(ctx);
    }

    private void respond(RoutingContext ctx) {
        Problem problem = ChunkedUploadLimit.tooLarge().toProblem(ctx.normalizedPath());
        try {
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.next();
        }
    }
}
