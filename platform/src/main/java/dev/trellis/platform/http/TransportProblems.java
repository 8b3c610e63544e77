package dev.trellis.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * problem+json for the errors that HTTP itself raises before a resource runs, such as a body over
 * {@code quarkus.http.limits.max-body-size} (413). Everything after that goes through {@link ProblemMappers}.
 */
@ApplicationScoped
public class TransportProblems {
    private final ObjectMapper json;
    private final long maxBody;

    public TransportProblems(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBody) {
        this.json = json;
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        // Ahead of Quarkus' own body handler, which answers a too-long Content-Length with an empty 413.
        router.route().order(-1000).handler(this::checkLength);
        // A chunked body found too large while it is read fails the request with 413.
        router.route().failureHandler(this::problem);
    }

    private void checkLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBody) {
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
        Problem problem = new Problem(Problem.type("body-too-large"), "Request body too large", 413,
                "The request body is larger than this service accepts", ctx.normalizedPath(), List.of());
        try {
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.next();
        }
    }
}
