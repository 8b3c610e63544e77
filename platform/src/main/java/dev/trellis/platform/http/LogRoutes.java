package dev.trellis.platform.http;

import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import java.time.Instant;

/** What the service's log routes (audit trail, retention runs) check before they read: the name, the period. */
final class LogRoutes {
    private LogRoutes() {
    }

    /** 404 unless the path names this service's log; 400 on {@code to} unless the period is empty or ordered. */
    static void check(String service, String name, String notFound, Instant from, Instant to) {
        if (service == null || !service.equals(name)) {
            throw new NotFound(notFound);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw InvalidInput.field("to", "must be after from");
        }
    }
}
