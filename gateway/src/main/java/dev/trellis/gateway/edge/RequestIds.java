package dev.trellis.gateway.edge;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@code X-Request-Id}: the caller's if it is sane, a new UUID otherwise. It is
 * echoed on every response, including the 401s and 404s the gateway writes itself, and forwarded
 * upstream so that one id follows a request through the logs of every service. It is in the MDC
 * ({@code requestId}, {@code %X{requestId}} in the log format, a field of every JSON log line) for the request's
 * lifetime: Quarkus keeps the MDC in the request's own duplicated Vert.x context, so every line logged while the
 * request is served, the access log's included, carries it, and the next request does not.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final String KEY = RequestIds.class.getName();
    /** Callers choose their ids; anything else could smuggle text into logs and headers. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /**
     * Filters run at order -priority. 1000 puts this before CORS (-300), authentication (-200) and
     * authorisation (-100), so even their rejections carry the id.
     */
    private static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, PRIORITY);
    }

    private static void assign(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        ctx.put(KEY, id);
        MDC.put(MDC_KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    /** The id of this request. */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
