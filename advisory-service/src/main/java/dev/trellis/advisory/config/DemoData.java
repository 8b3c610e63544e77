package dev.trellis.advisory.config;

import dev.trellis.advisory.domain.BoardKind;
import dev.trellis.advisory.service.BoardService;
import dev.trellis.platform.config.DemoConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/** The demo boards of the local stack. */
@ApplicationScoped
public class DemoData {
    static final UUID GOVERNING_BOARD = UUID.fromString("c3c3c3c3-0000-4000-8000-000000000001");
    static final UUID TECHNICAL_OVERSIGHT = UUID.fromString("c3c3c3c3-0000-4000-8000-000000000002");

    void load(@Observes StartupEvent event, DemoConfig config, BoardService boards) {
        if (config.enabled()) {
            boards.createIfAbsent(GOVERNING_BOARD, "Governing Board", BoardKind.GOVERNING_BOARD);
            boards.createIfAbsent(TECHNICAL_OVERSIGHT, "Technical Oversight Committee", BoardKind.TECHNICAL_COMMITTEE);
        }
    }
}
