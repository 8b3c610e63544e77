package dev.trellis.partner.config;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.rest.dto.PartnerRequest;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.config.DemoConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The two demo partners of the local stack. Their ids are the {@code partner_id}s of the realm's demo
 * partner users (paula, piet). They are registered through the service, so their events go out too.
 */
@ApplicationScoped
public class DemoData {
    public static final UUID ACME_CLOUD = UUID.fromString("a1a1a1a1-0000-4000-8000-000000000001");
    public static final UUID BOREALIS_SYSTEMS = UUID.fromString("b2b2b2b2-0000-4000-8000-000000000002");
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    void load(@Observes StartupEvent event, DemoConfig config, PartnerService partners) {
        if (!config.enabled()) {
            return;
        }
        int added = 0;
        added += partners.registerIfAbsent(ACME_CLOUD, new PartnerRequest("Acme Cloud", "Acme Cloud Inc.",
                "https://acme-cloud.example", List.of("acme-cloud.example"), "Cloud platform vendor", null, "US", null,
                LifecycleStatus.ACTIVE)).isPresent() ? 1 : 0;
        added += partners.registerIfAbsent(BOREALIS_SYSTEMS, new PartnerRequest("Borealis Systems", "Borealis Systems Oy",
                "https://borealis.example", List.of("borealis.example"), "Observability tooling", null, "FI", null,
                LifecycleStatus.ACTIVE)).isPresent() ? 1 : 0;
        LOG.infof("Demo data: %d partners added", added);
    }
}
