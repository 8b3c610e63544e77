package dev.trellis.event.config;

import dev.trellis.event.domain.EventKind;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.service.EventDetails;
import dev.trellis.event.service.EventService;
import dev.trellis.platform.config.DemoConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** Demo events of the local stack: a summit and a user-group meetup. */
@ApplicationScoped
public class DemoData {
    void load(@Observes StartupEvent event, DemoConfig config, EventService events) {
        if (!config.enabled()) {
            return;
        }
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        events.createIfAbsent(UUID.fromString("e5e5e5e5-0000-4000-8000-000000000001"), new EventDetails(EventKind.SUMMIT,
                "Open Infrastructure Summit 2027", null, LocalDateTime.of(2027, 3, 16, 9, 0).atZone(berlin).toInstant(),
                LocalDateTime.of(2027, 3, 17, 18, 0).atZone(berlin).toInstant(), berlin.getId(), "bcc Berlin", null, 500,
                null, null, null), EventStatus.PUBLISHED);
        ZoneId helsinki = ZoneId.of("Europe/Helsinki");
        events.createIfAbsent(UUID.fromString("e5e5e5e5-0000-4000-8000-000000000002"), new EventDetails(EventKind.MEETUP,
                "Helsinki Cloud Native Meetup #12", null, LocalDateTime.of(2027, 1, 21, 18, 0).atZone(helsinki).toInstant(),
                LocalDateTime.of(2027, 1, 21, 21, 0).atZone(helsinki).toInstant(), helsinki.getId(), "Maria 01, Helsinki",
                null, 80, null, null, null), EventStatus.PUBLISHED);
    }
}
