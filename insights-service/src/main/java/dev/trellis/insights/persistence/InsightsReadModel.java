package dev.trellis.insights.persistence;

import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.insights.domain.BoardComposition;
import dev.trellis.contracts.advisory.PartnerEntitlement;
import dev.trellis.insights.domain.BoardCompositionMonth;
import dev.trellis.insights.domain.BoardEntitlement;
import dev.trellis.insights.domain.PartnerDomain;
import dev.trellis.insights.domain.RegistrationView;
import dev.trellis.insights.domain.NextStepView;
import dev.trellis.insights.domain.PartnerProfile;
import dev.trellis.insights.domain.SeatHolding;
import dev.trellis.insights.domain.TimelineEntry;
import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.platform.persistence.TableStatements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The read model's upserts, from the events of every service; each runs in the consumer's transaction, with its
 * inbox row. Timeline lines have ids derived from the event, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class InsightsReadModel {
    private final Clock clock;
    private final EntityManager em;

    public InsightsReadModel(Clock clock, EntityManager em) {
        this.em = em;
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
     * board-composition-changed: the board's latest composition, and its month's, with the members' own entitlements
     * when it carries them (null: an event from before they were carried, which leaves the kept ones alone). An older
     * composition (by its day) than the one kept does not replace it.
     *
     * @return the partners whose entitlements on the board were or are now kept (their health may have changed), by id
     */
    public Set<UUID> composition(UUID boardId, String boardName, LocalDate asOf, int seatsHeld, String groupsJson,
            List<PartnerEntitlement> entitlements, Instant at) {
        BoardComposition c = BoardComposition.findById(boardId);
        if (c == null) {
            c = new BoardComposition();
            c.boardId = boardId;
        } else if (c.asOf.isAfter(asOf)) {
            return Set.of();
        }
        c.boardName = boardName;
        c.asOf = asOf;
        c.seatsHeld = seatsHeld;
        c.groups = groupsJson;
        c.updatedAt = at;
        c.persist();
        Set<UUID> touched = new java.util.TreeSet<>(); // in id order: their health is recomputed (and locked) in this order
        if (entitlements != null) {
            c.entitlementsKnown = true;
            Map<UUID, BoardEntitlement> kept = new HashMap<>();
            BoardEntitlement.<BoardEntitlement>list("key.boardId", boardId).forEach(e -> kept.put(e.key.partnerId(), e));
            touched.addAll(kept.keySet());
            Set<UUID> seen = new HashSet<>();
            for (PartnerEntitlement pe : entitlements) {
                if (pe.partnerId() == null || !seen.add(pe.partnerId())) {
                    continue;
                }
                touched.add(pe.partnerId());
                BoardEntitlement e = kept.remove(pe.partnerId());
                if (e == null) {
                    e = new BoardEntitlement();
                    e.key = new BoardEntitlement.Key(boardId, pe.partnerId());
                }
                e.tier = pe.tier() == null ? "" : pe.tier();
                e.entitled = pe.entitled();
                e.filled = pe.filled();
                e.persist();
            }
            kept.values().forEach(BoardEntitlement::delete);
        }
        BoardCompositionMonth.Key key = new BoardCompositionMonth.Key(boardId, asOf.withDayOfMonth(1));
        BoardCompositionMonth m = BoardCompositionMonth.findById(key);
        if (m == null) {
            m = new BoardCompositionMonth();
            m.key = key;
        }
        m.seatsHeld = seatsHeld;
        m.groups = groupsJson;
        m.persist();
        return touched;
    }

    /** partner-registered / partner-changed: the partner's email domains, lower-cased, replace the ones kept. */
    public void domains(UUID partnerId, List<String> domains) {
        Map<String, PartnerDomain> kept = new HashMap<>();
        PartnerDomain.<PartnerDomain>list("key.partnerId", partnerId).forEach(d -> kept.put(d.key.domain(), d));
        (domains == null ? List.<String>of() : domains).stream().filter(d -> d != null && !d.isBlank())
                .map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> d.length() <= 253).distinct().forEach(d -> {
                    if (kept.remove(d) == null) {
                        PartnerDomain pd = new PartnerDomain();
                        pd.key = new PartnerDomain.Key(partnerId, d);
                        pd.persist();
                    }
                });
        kept.values().forEach(PartnerDomain::delete);
    }

    /**
     * registration-recorded / attendance-recorded: the registration's domain, company snapshot and contact, its status
     * (a registration event) or whether it was attended (an attendance event, {@code attended} non-null). A domain
     * an event does not carry (null: sent before it was, or of an erased registrant) leaves the kept one.
     */
    public void registration(UUID registrationId, UUID eventId, UUID contactId, UUID partnerId, String emailDomain,
            String status, Boolean attended, Instant at) {
        RegistrationView r = RegistrationView.findById(registrationId);
        if (r == null) {
            r = new RegistrationView();
            r.registrationId = registrationId;
            r.lastSeenAt = at;
        }
        r.eventId = eventId;
        if (contactId != null) {
            r.contactId = contactId;
        }
        r.partnerId = partnerId;
        if (emailDomain != null && !emailDomain.isBlank() && emailDomain.length() <= 253) {
            r.emailDomain = emailDomain.strip().toLowerCase(Locale.ROOT);
        }
        if (status != null) {
            r.status = status;
        }
        if (attended != null) {
            r.attended = attended;
        }
        if (at.isAfter(r.lastSeenAt)) {
            r.lastSeenAt = at;
        }
        r.persist();
    }

    /** contact-erased: the registrations keep their domain and counts, not the person. */
    public void contactErased(UUID contactId) {
        RegistrationView.update("contactId = null where contactId = ?1", contactId);
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
        // One statement, and nothing for the session to keep: a replay writes a hundred thousand of these.
        TableStatements.about(em, "timeline_entry", """
                insert into timeline_entry (id, partner_id, occurred_at, kind, source_type, source_id, context_id, executive,
                    summary, detail)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (id) do nothing
                """)
                .setParameter(1, TimelineEntry.idOf(eventId, partnerId)).setParameter(2, partnerId)
                .setParameter(3, occurredAt).setParameter(4, kind.name()).setParameter(5, sourceType)
                .setParameter(6, sourceId).setParameter(7, contextId, UUID.class).setParameter(8, executive)
                .setParameter(9, summary.length() > 500 ? summary.substring(0, 500) : summary)
                .setParameter(10, detail == null || detail.length() <= 100 ? detail : detail.substring(0, 100), String.class)
                .executeUpdate();
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
