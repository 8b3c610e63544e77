package dev.trellis.gateway.route;

import dev.trellis.gateway.edge.RequestIds;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * One line per request, written when its response ended (or its connection closed first), to the category
 * {@code dev.trellis.gateway.access}: method, path, status, route, the upstream that answered ({@code none}: the
 * gateway itself), duration and request id, for example
 * {@code GET /api/partners/3f0c… 200 route=partner-service upstream=partner-service 4.1ms req=9b2e…}. The path is
 * the one the caller sent, without its query (which may carry tokens); the secret segment of a private calendar
 * feed's address is replaced by {@code ***}. Turn it off with
 * {@code quarkus.log.category."dev.trellis.gateway.access".level=OFF}.
 */
final class AccessLog {
    static final String CATEGORY = "dev.trellis.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    /** A private calendar feed's address is its secret (advisory-service's CalendarFeedResource). */
    private static final String SECRET_FEEDS = "/api/boards/calendar-feeds/";
    private static final int MAX_PATH = 512;

    private AccessLog() {
    }

    static boolean enabled() {
        return LOG.isInfoEnabled();
    }

    static void write(RoutingContext ctx, String route, String upstream, boolean ended, long nanos) {
        String status = ended ? Integer.toString(ctx.response().getStatusCode()) : "closed";
        LOG.infof("%s %s %s route=%s upstream=%s %.1fms req=%s", ctx.request().method().name(), path(ctx.request().path()),
                status, route, upstream, nanos / 1_000_000.0, RequestIds.of(ctx));
    }

    static String path(String raw) {
        if (raw == null) {
            return "-";
        }
        String path = raw;
        if (path.startsWith(SECRET_FEEDS) && path.length() > SECRET_FEEDS.length()) {
            int end = path.indexOf('/', SECRET_FEEDS.length());
            path = SECRET_FEEDS + "***" + (end < 0 ? "" : path.substring(end));
        }
        // Control characters would forge log lines; the request shape checks refuse most before they get here.
        StringBuilder out = new StringBuilder(Math.min(path.length(), MAX_PATH));
        for (int i = 0; i < path.length() && i < MAX_PATH; i++) {
            char c = path.charAt(i);
            out.append(c < 0x20 || c == 0x7f || c == ' ' ? '?' : c);
        }
        return path.length() > MAX_PATH ? out.append("…").toString() : out.toString();
    }
}
