package dev.trellis.insights.service;

import dev.trellis.insights.domain.TimelineEntry;
import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.insights.persistence.InsightsQueries;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/** A partner's engagement timeline, newest first, filterable by kind and date (from and to inclusive). */
@ApplicationScoped
public class TimelineService {
    private final InsightsQueries queries;

    public TimelineService(InsightsQueries queries) {
        this.queries = queries;
    }

    @Transactional
    public Page<TimelineEntry> page(UUID partnerId, Set<TimelineKind> kinds, LocalDate from, LocalDate to, PageRequest page) {
        if (from != null && to != null && to.isBefore(from)) {
            throw InvalidInput.field("to", "must not be before from");
        }
        return queries.timeline(partnerId, kinds, from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), page);
    }
}
