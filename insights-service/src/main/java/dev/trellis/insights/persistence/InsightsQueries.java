package dev.trellis.insights.persistence;

import dev.trellis.insights.domain.NextStepView;
import dev.trellis.insights.domain.PartnerHealth;
import dev.trellis.insights.domain.SeatHolding;
import dev.trellis.insights.domain.TimelineEntry;
import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.persistence.TableStatements;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the health rules, the timeline and the worklist read. */
@ApplicationScoped
public class InsightsQueries {
    private final EntityManager em;

    public InsightsQueries(EntityManager em) {
        this.em = em;
    }

    /** What the health rules count on a partner's timeline ({@link #activity}). */
    public record Activity(int meetingsAttended, int meetingsMissed, int participationRecent, int participationBefore,
            LocalDate lastExecutiveTouchpoint) {
    }

    /**
     * In one statement (the health of every due partner reads it): board meetings attended and missed in [meetingsFrom,
     * to), event attendances and sponsorships in [recentFrom, to) and in [beforeFrom, recentFrom), and the day of the
     * latest executive touchpoint.
     */
    public Activity activity(UUID partnerId, Instant meetingsFrom, Instant recentFrom, Instant beforeFrom, Instant to) {
        Object[] row = (Object[]) TableStatements.about(em, "timeline_entry", """
                select count(*) filter (where kind = 'MEETING_ATTENDED' and occurred_at >= ?2 and occurred_at < ?5),
                       count(*) filter (where kind = 'MEETING_MISSED' and occurred_at >= ?2 and occurred_at < ?5),
                       count(*) filter (where kind in ('ATTENDED', 'SPONSORED') and occurred_at >= ?3 and occurred_at < ?5),
                       count(*) filter (where kind in ('ATTENDED', 'SPONSORED') and occurred_at >= ?4 and occurred_at < ?3),
                       to_char(max(occurred_at) filter (where kind = 'TOUCHPOINT' and executive) at time zone 'UTC', 'YYYY-MM-DD')
                from timeline_entry where partner_id = ?1
                """)
                .setParameter(1, partnerId).setParameter(2, meetingsFrom).setParameter(3, recentFrom)
                .setParameter(4, beforeFrom).setParameter(5, to).getSingleResult();
        return new Activity(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), row[4] == null ? null : LocalDate.parse((String) row[4]));
    }

    /** Every seat the partner held, on any board. */
    public List<SeatHolding> seats(UUID partnerId) {
        return SeatHolding.list("partnerId", partnerId);
    }

    /** A page of the partner's timeline, newest first; kinds empty for all, from/to inclusive bounds or null. */
    public Page<TimelineEntry> timeline(UUID partnerId, Set<TimelineKind> kinds, Instant from, Instant to, PageRequest page) {
        Cursor after = page.decodedCursor(2);
        StringBuilder q = new StringBuilder("partnerId = :partner");
        Parameters p = Parameters.with("partner", partnerId);
        if (!kinds.isEmpty()) {
            q.append(" and kind in :kinds");
            p = p.and("kinds", kinds);
        }
        if (from != null) {
            q.append(" and occurredAt >= :from");
            p = p.and("from", from);
        }
        if (to != null) {
            q.append(" and occurredAt < :to");
            p = p.and("to", to);
        }
        if (after != null) {
            q.append(" and (occurredAt < :at or (occurredAt = :at and id < :id))");
            p = p.and("at", after.instant(0)).and("id", after.uuid(1));
        }
        q.append(" order by occurredAt desc, id desc");
        return Page.of(TimelineEntry.<TimelineEntry>find(q.toString(), p).page(0, page.fetchSize()).list(), page,
                e -> Cursor.of(e.occurredAt, e.id), e -> e);
    }

    /**
     * A page of the worklist: health below {@code below}, by score then partner, optionally of one tier today and with a
     * renewal (term end) on or before {@code renewalBy}.
     */
    public Page<PartnerHealth> atRisk(int below, String tier, LocalDate today, LocalDate renewalBy, PageRequest page) {
        Cursor after = page.decodedCursor(2);
        StringBuilder q = new StringBuilder("score < :below");
        Parameters p = Parameters.with("below", below);
        if (tier != null) {
            q.append(" and partnerId in (select pp.partnerId from PartnerProfile pp where (case when pp.pendingTierEffective is not null"
                    + " and pp.pendingTierEffective <= :today then pp.pendingTier else pp.tier end) = :tier)");
            p = p.and("tier", tier).and("today", today);
        }
        if (renewalBy != null) {
            q.append(" and renewalOn is not null and renewalOn <= :renewalBy");
            p = p.and("renewalBy", renewalBy);
        }
        if (after != null) {
            q.append(" and (score > :score or (score = :score and partnerId > :id))");
            p = p.and("score", score(after)).and("id", after.uuid(1));
        }
        q.append(" order by score, partnerId");
        return Page.of(PartnerHealth.<PartnerHealth>find(q.toString(), p).page(0, page.fetchSize()).list(), page,
                h -> Cursor.of(String.valueOf(h.score), h.partnerId), h -> h);
    }

    private static int score(Cursor cursor) {
        try {
            return Integer.parseInt(cursor.key(0));
        } catch (NumberFormatException e) {
            throw Cursor.foreign();
        }
    }

    /** Per partner and month (its first day), how many timeline lines of {@code kind} from {@code from} on. */
    public List<Object[]> monthlyCounts(TimelineKind kind, Instant from) {
        return TimelineEntry.getEntityManager().createNativeQuery("select partner_id, cast(date_trunc('month', occurred_at at time zone 'UTC') as date),"
                        + " count(*) from timeline_entry where kind = ?1 and occurred_at >= ?2 group by 1, 2")
                .setParameter(1, kind.name()).setParameter(2, from).getResultList();
    }

    /** Per partner and kind, how many timeline lines of these kinds happened in [from, to): partner id, kind, count. */
    public List<Object[]> countsByPartner(Set<TimelineKind> kinds, Instant from, Instant to) {
        return TimelineEntry.getEntityManager().createQuery("select e.partnerId, e.kind, count(e) from TimelineEntry e"
                        + " where e.kind in :kinds and e.occurredAt >= :from and e.occurredAt < :to group by e.partnerId, e.kind", Object[].class)
                .setParameter("kinds", kinds).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** The partner's next steps not done and due before {@code today}, oldest first. */
    public List<NextStepView> overdueNextSteps(UUID partnerId, LocalDate today) {
        return NextStepView.list("partnerId = ?1 and done = false and dueOn < ?2 order by dueOn", partnerId, today);
    }
}
