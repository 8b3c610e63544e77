package dev.trellis.insights.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.insights.config.HealthConfig;
import dev.trellis.insights.domain.BoardComposition;
import dev.trellis.insights.domain.BoardEntitlement;
import dev.trellis.insights.domain.HealthDay;
import dev.trellis.insights.domain.HealthRules;
import dev.trellis.insights.domain.NextStepView;
import dev.trellis.insights.domain.PartnerHealth;
import dev.trellis.insights.domain.PartnerProfile;
import dev.trellis.insights.domain.SeatHolding;
import dev.trellis.insights.persistence.HealthDue;
import dev.trellis.insights.persistence.InsightsQueries;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.persistence.AfterCommit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Partner health ({@link HealthRules}): recomputed when an event about the partner arrives, and every night for what
 * the calendar alone changes; never on a read. An event's transaction only marks its partner due ({@link #recompute});
 * {@link HealthRecomputer} computes due partners right after that commit, so a burst of events about one partner costs
 * one computation, not one each. Each computation also sets the day's score in the history. Health is kept for members
 * (new, current or in grace, neither lapsed nor former); a partner that stops being one leaves the worklist, its
 * history stays.
 */
@ApplicationScoped
public class HealthService {
    private static final long TWO_QUARTERS_DAYS = 182;
    private static final Object WAKE_ON_COMMIT = new Object();
    private static final Object MARKED_IN_TRANSACTION = new Object();

    private final HealthRules rules;
    private final HealthConfig config;
    private final InsightsQueries queries;
    private final ObjectMapper json;
    private final Clock clock;
    private final HealthDue due;
    private final TransactionSynchronizationRegistry transactions;
    /** Looked up when first needed: the recomputer uses this service too. */
    private final Instance<HealthRecomputer> recomputer;

    public HealthService(HealthConfig config, InsightsQueries queries, ObjectMapper json, Clock clock, HealthDue due,
            TransactionSynchronizationRegistry transactions, Instance<HealthRecomputer> recomputer) {
        this.rules = new HealthRules(config);
        this.config = config;
        this.queries = queries;
        this.json = json;
        this.clock = clock;
        this.due = due;
        this.transactions = transactions;
        this.recomputer = recomputer;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Marks the partner's health due, in the caller's transaction (an event's): once it commits, {@link HealthRecomputer}
     * computes it. A partner already due stays due once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(UUID partnerId) {
        @SuppressWarnings("unchecked")
        Set<UUID> marked = (Set<UUID>) transactions.getResource(MARKED_IN_TRANSACTION);
        if (marked == null) {
            marked = new HashSet<>();
            transactions.putResource(MARKED_IN_TRANSACTION, marked);
        }
        if (marked.add(partnerId)) { // once per transaction: a batch of events holds many about one partner
            due.mark(partnerId);
        }
        AfterCommit.once(transactions, WAKE_ON_COMMIT, () -> recomputer.get().wake());
    }

    /** Computes the partner's health as of today, in the caller's transaction ({@link HealthRecomputer}'s). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void computeNow(UUID partnerId) {
        LocalDate today = today();
        // Not locked: only the holder of the partner's health_due row computes it, and an event committed after this
        // read marks the partner due again (HealthDue), so no computation overwrites a newer one with an older view.
        PartnerProfile partner = PartnerProfile.findById(partnerId);
        Optional<MembershipTerms> terms = partner == null ? Optional.empty() : partner.terms();
        if (partner == null || !partner.lifecycleActive() || terms.isEmpty() || !terms.get().memberOn(today)) {
            PartnerHealth.deleteById(partnerId);
            return;
        }
        HealthRules.Assessment a = rules.assess(inputs(partnerId, terms.get(), today));
        PartnerHealth h = PartnerHealth.findById(partnerId);
        if (h == null) {
            h = new PartnerHealth();
            h.partnerId = partnerId;
        }
        h.score = a.score();
        h.reasons = write(a.reasons());
        h.computedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        h.renewalOn = terms.get().autoRenew() ? null : terms.get().termEnd();
        h.persist();
        HealthDay.Key key = new HealthDay.Key(partnerId, today);
        HealthDay day = HealthDay.findById(key);
        if (day == null) {
            day = new HealthDay();
            day.key = key;
        }
        day.score = a.score();
        day.persist();
    }

    /** Every partner's health, one transaction each: the nightly run, for what the calendar changed. */
    @Scheduled(identity = "insights-health-recompute", cron = "${trellis.insights.recompute-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void recomputeAll() {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> PartnerProfile.<PartnerProfile>listAll().stream()
                .map(p -> p.partnerId).toList());
        for (UUID id : ids) {
            QuarkusTransaction.requiringNew().run(() -> computeNow(id));
        }
    }

    /** The partner's health with its reasons, and its daily scores over the last {@code days} days. */
    public record View(PartnerHealth health, List<HealthRules.Reason> reasons, List<HealthDay> trend) {
    }

    @Transactional
    public View get(UUID partnerId, int days) {
        return find(partnerId, days).orElseThrow(
                () -> NotFound.of("Health of partner", partnerId + " (only members have a health score)"));
    }

    /** A member's health with its trend; empty for a partner that is not a member (only members have a score). */
    @Transactional
    public Optional<View> find(UUID partnerId, int days) {
        PartnerHealth h = PartnerHealth.findById(partnerId);
        if (h == null) {
            return Optional.empty();
        }
        List<HealthDay> trend = HealthDay.list("key.partnerId = ?1 and key.day > ?2 order by key.day", partnerId,
                today().minusDays(days));
        return Optional.of(new View(h, reasons(h), trend));
    }

    public List<HealthRules.Reason> reasons(PartnerHealth h) {
        try {
            return List.of(json.readValue(h.reasons, HealthRules.Reason[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons of " + h.partnerId + " are not readable", e);
        }
    }

    private HealthRules.Inputs inputs(UUID partnerId, MembershipTerms terms, LocalDate today) {
        Instant now = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant recent = now.minus(TWO_QUARTERS_DAYS, ChronoUnit.DAYS);
        Instant before = recent.minus(TWO_QUARTERS_DAYS, ChronoUnit.DAYS);
        Instant meetingsFrom = now.minus(config.attendanceWindowDays(), ChronoUnit.DAYS);
        InsightsQueries.Activity activity = queries.activity(partnerId, meetingsFrom, recent, before, now);
        List<NextStepView> overdue = queries.overdueNextSteps(partnerId, today);
        return new HealthRules.Inputs(today, terms, activity.lastExecutiveTouchpoint(), emptySeats(partnerId, today),
                activity.meetingsAttended() + activity.meetingsMissed(), activity.meetingsAttended(),
                activity.participationRecent(), activity.participationBefore(), overdue.size(),
                overdue.isEmpty() ? null : overdue.get(0).dueOn);
    }

    /**
     * The boards where the partner is entitled to a seat of its own that it does not fill today. Where advisory-service
     * published the board's entitlements ({@link BoardEntitlement}), from those: filled fewer than entitled, whether or
     * not it ever held one there (the day it last emptied, from the seats seen, or never). On a board whose kept
     * composition carried none (published before they were), as before: it held a tier-appointed seat there and holds
     * none today.
     */
    private static List<HealthRules.EmptySeat> emptySeats(UUID partnerId, LocalDate today) {
        Map<UUID, List<SeatHolding>> byBoard = SeatHolding.<SeatHolding>list("partnerId = ?1 and seatKind = ?2", partnerId,
                SeatHolding.TIER_APPOINTED).stream().collect(Collectors.groupingBy(s -> s.boardId));
        List<BoardEntitlement> entitlements = BoardEntitlement.list("key.partnerId", partnerId);
        if (byBoard.isEmpty() && entitlements.isEmpty()) {
            return List.of();
        }
        Set<UUID> boardIds = new HashSet<>(byBoard.keySet());
        entitlements.forEach(e -> boardIds.add(e.key.boardId()));
        Map<UUID, BoardComposition> boards = BoardComposition.<BoardComposition>list("boardId in ?1", boardIds).stream()
                .collect(Collectors.toMap(b -> b.boardId, b -> b));
        List<HealthRules.EmptySeat> empty = new ArrayList<>();
        for (BoardEntitlement e : entitlements) {
            BoardComposition board = boards.get(e.key.boardId());
            if (board == null || !board.entitlementsKnown || e.filled >= e.entitled) {
                continue;
            }
            LocalDate since = byBoard.getOrDefault(e.key.boardId(), List.of()).stream().filter(s -> !s.heldOn(today))
                    .map(HealthService::endOf).filter(d -> !d.isAfter(today)).max(LocalDate::compareTo).orElse(null);
            empty.add(new HealthRules.EmptySeat(e.key.boardId(), board.boardName, since));
        }
        for (Map.Entry<UUID, List<SeatHolding>> entry : byBoard.entrySet()) {
            BoardComposition board = boards.get(entry.getKey());
            List<SeatHolding> seats = entry.getValue();
            if ((board != null && board.entitlementsKnown)
                    || seats.stream().anyMatch(s -> s.heldOn(today) || (s.termStart != null && s.termStart.isAfter(today)))) {
                continue;
            }
            seats.stream().max(Comparator.comparing(HealthService::endOf)).ifPresent(last ->
                    empty.add(new HealthRules.EmptySeat(last.boardId, board == null ? null : board.boardName, endOf(last))));
        }
        empty.sort(Comparator.comparing((HealthRules.EmptySeat s) -> s.boardName() == null ? "" : s.boardName())
                .thenComparing(s -> s.boardId().toString()));
        return empty;
    }

    /** The first day a seat is empty: its vacancy, or the day after its term. */
    private static LocalDate endOf(SeatHolding s) {
        LocalDate afterTerm = s.termEnd == null ? LocalDate.MAX : s.termEnd.plusDays(1);
        return s.vacatedOn == null || s.vacatedOn.isAfter(afterTerm) ? afterTerm : s.vacatedOn;
    }

    private String write(List<HealthRules.Reason> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reasons are plain records", e);
        }
    }
}
