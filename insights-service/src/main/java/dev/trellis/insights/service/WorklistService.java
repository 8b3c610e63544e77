package dev.trellis.insights.service;

import dev.trellis.insights.config.HealthConfig;
import dev.trellis.insights.domain.PartnerHealth;
import dev.trellis.insights.domain.PartnerProfile;
import dev.trellis.insights.persistence.InsightsQueries;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The at-risk worklist: members whose health is below the threshold, the lowest first, each with its reasons. */
@ApplicationScoped
public class WorklistService {
    private final InsightsQueries queries;
    private final HealthConfig config;
    private final HealthService health;

    public WorklistService(InsightsQueries queries, HealthConfig config, HealthService health) {
        this.queries = queries;
        this.config = config;
        this.health = health;
    }

    /** One row: the partner, its health and its profile (name, tier). */
    public record Row(PartnerHealth health, PartnerProfile partner) {
    }

    @Transactional
    public Page<Row> atRisk(String tier, Period renewalWithin, PageRequest page) {
        LocalDate today = health.today();
        Page<PartnerHealth> found = queries.atRisk(config.atRiskBelow(), tier, today,
                renewalWithin == null ? null : today.plus(renewalWithin), page);
        if (found.items().isEmpty()) {
            return found.map(h -> new Row(h, null));
        }
        Map<UUID, PartnerProfile> partners = PartnerProfile.<PartnerProfile>list("partnerId in ?1",
                found.items().stream().map(h -> h.partnerId).toList()).stream().collect(Collectors.toMap(p -> p.partnerId, p -> p));
        return found.map(h -> new Row(h, partners.get(h.partnerId)));
    }
}
