package dev.trellis.insights.persistence;

import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.insights.domain.BoardComposition;
import dev.trellis.insights.domain.BoardCompositionMonth;
import dev.trellis.insights.domain.NextStepView;
import dev.trellis.insights.domain.PartnerProfile;
import dev.trellis.insights.domain.SeatHolding;
import dev.trellis.insights.domain.TimelineEntry;
import dev.trellis.insights.domain.TimelineKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The read model's upserts, from the events of every service; each runs in the consumer's transaction, with its
 * inbox row. Timeline lines have ids derived from the event, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class InsightsReadModel {
    private final Clock clock;

    public InsightsReadModel(Clock clock) {
        this.clock = clock;
    }

    /** partner-registered / partner-changed. */
    public void partner(UUID id, String name, String lifecycleStatus, UUID parent, Instant at) {
        PartnerProfile p = profile(id, at);
        p.name = name;
        p.lifecycleStatus = lifecycleStatus;
        p.parentPartnerId = parent;
    }

    /** partner-lapsed / partner-reactivated. */
    public void lifecycle(UUID id, String lifecycleStatus, Instant at) {
        profile(id, at).lifecycleStatus = lifecycleStatus;
    }

    /** membership-changed: the partner's membership is the terms it carries (read against the earlier ones if it has none). */
    public void membership(MembershipChanged m, String eventId, Instant at) {
        PartnerProfile p = profile(m.partnerId(), at);
        MembershipTerms terms = m.termsAfter(p.terms().orElse(null), LocalDate.ofInstant(at, clock.getZone()));
        if (terms != null) {
            p.terms(terms);
        }
        String change = m.change() == null ? "changed" : m.change().name().toLowerCase().replace('_', ' ');
        timeline(eventId, m.partnerId(), at, TimelineKind.MEMBERSHIP, "membership", m.membershipId() == null ? m.partnerId()
                : m.membershipId(), null, false, "Membership " + change + (m.tier() == null ? "" : ": " + m.tier())
                + (m.effectiveDate() == null ? "" : ", effective " + m.effectiveDate()));
    }

    /** A seat assigned to a holder for a partner, or vacated. */
    public void seat(UUID seatId, UUID boardId, UUID partnerId, String kind, UUID holder, LocalDate termStart, LocalDate termEnd,
            LocalDate vacatedOn, Instant at) {
        SeatHolding s = SeatHolding.findById(seatId);
        if (s == null) {
            s = new SeatHolding();
            s.seatId = seatId;
        }
        s.boardId = boardId;
        s.partnerId = partnerId;
        s.seatKind = kind;
        s.holderContactId = holder;
        s.termStart = termStart;
        s.termEnd = termEnd;
        if (vacatedOn != null) {
            s.vacatedOn = vacatedOn;
        }
        s.updatedAt = at;
        s.persist();
    }

    /**
     * board-composition-changed: the board's latest composition, and its month's. An older composition (by its day)
     * than the one kept does not replace it.
     */
    public void composition(UUID boardId, String boardName, LocalDate asOf, int seatsHeld, String groupsJson, Instant at) {
        BoardComposition c = BoardComposition.findById(boardId);
        if (c == null) {
            c = new BoardComposition();
            c.boardId = boardId;
        } else if (c.asOf.isAfter(asOf)) {
            return;
        }
        c.boardName = boardName;
        c.asOf = asOf;
        c.seatsHeld = seatsHeld;
        c.groups = groupsJson;
        c.updatedAt = at;
        c.persist();
        BoardCompositionMonth.Key key = new BoardCompositionMonth.Key(boardId, asOf.withDayOfMonth(1));
        BoardCompositionMonth m = BoardCompositionMonth.findById(key);
        if (m == null) {
            m = new BoardCompositionMonth();
            m.key = key;
        }
        m.seatsHeld = seatsHeld;
        m.groups = groupsJson;
        m.persist();
    }

    /** next-step-changed: the step's due date and done state, as the latest event (by its time) tells them. */
    public void nextStep(UUID stepId, UUID partnerId, LocalDate dueOn, boolean done, Instant at) {
        NextStepView v = NextStepView.findById(stepId);
        if (v == null) {
            v = new NextStepView();
            v.nextStepId = stepId;
        } else if (v.updatedAt.isAfter(at)) {
            return;
        }
        v.partnerId = partnerId;
        v.dueOn = dueOn;
        v.done = done;
        v.updatedAt = at;
        v.persist();
    }

    /** One line of a partner's timeline, unless the event wrote it already. */
    public void timeline(String eventId, UUID partnerId, Instant occurredAt, TimelineKind kind, String sourceType, UUID sourceId,
            UUID contextId, boolean executive, String summary) {
        timeline(eventId, partnerId, occurredAt, kind, sourceType, sourceId, contextId, executive, summary, null);
    }

    /** One line of a partner's timeline with its {@code detail} (a touchpoint's type, say), unless the event wrote it already. */
    public void timeline(String eventId, UUID partnerId, Instant occurredAt, TimelineKind kind, String sourceType, UUID sourceId,
            UUID contextId, boolean executive, String summary, String detail) {
        UUID id = TimelineEntry.idOf(eventId, partnerId);
        if (TimelineEntry.findById(id) != null) {
            return;
        }
        TimelineEntry e = new TimelineEntry();
        e.id = id;
        e.partnerId = partnerId;
        e.occurredAt = occurredAt;
        e.kind = kind;
        e.sourceType = sourceType;
        e.sourceId = sourceId;
        e.contextId = contextId;
        e.executive = executive;
        e.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
        e.detail = detail == null || detail.length() <= 100 ? detail : detail.substring(0, 100);
        e.persist();
    }

    /** The partner's profile, created bare if another service's event about it comes first. */
    private static PartnerProfile profile(UUID id, Instant at) {
        PartnerProfile p = PartnerProfile.findById(id);
        if (p == null) {
            p = new PartnerProfile();
            p.partnerId = id;
            p.updatedAt = at;
            p.persist();
        }
        p.updatedAt = at;
        return p;
    }
}
