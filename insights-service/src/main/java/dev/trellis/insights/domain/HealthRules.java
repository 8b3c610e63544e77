package dev.trellis.insights.domain;

import dev.trellis.contracts.partner.MembershipStatus;
import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.insights.config.HealthConfig;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Partner health as a sum of explained deductions from 100 (domain.md §6): each rule that applies says what was
 * observed, what it cost and what to do next. Plain rules over {@link Inputs}; the weights are configuration.
 */
public final class HealthRules {
    private final HealthConfig config;

    public HealthRules(HealthConfig config) {
        this.config = config;
    }

    /** What the rules look at, for one partner on one day. */
    public record Inputs(
            LocalDate today,
            MembershipTerms terms,
            LocalDate lastExecutiveTouchpoint,
            List<EmptySeat> emptySeats,
            int meetingsExpected,
            int meetingsAttended,
            int participationRecent,
            int participationBefore,
            int overdueNextSteps,
            LocalDate oldestOverdueDue) {
        public Inputs {
            emptySeats = List.copyOf(emptySeats);
        }
    }

    /**
     * A board where the partner is entitled to a seat of its own that it does not fill: empty since {@code since} (the
     * first day after its last seat there), or null if the partner never filled it. {@code boardName} may be null.
     */
    public record EmptySeat(UUID boardId, String boardName, LocalDate since) {
        String describe() {
            return (boardName == null ? "a board" : boardName) + (since == null ? " (never filled)" : " (empty since " + since + ")");
        }

        String board() {
            return boardName == null ? "the board" : boardName;
        }
    }

    /** One deduction: a code, what was observed, its cost in points and the suggested next action. */
    public record Reason(String code, String observation, int cost, String action) {
    }

    public record Assessment(int score, List<Reason> reasons) {
        public Assessment {
            reasons = List.copyOf(reasons);
        }
    }

    public Assessment assess(Inputs in) {
        List<Reason> reasons = new ArrayList<>();
        renewal(in).ifPresent(reasons::add);
        executiveTouchpoint(in).ifPresent(reasons::add);
        emptySeats(in).ifPresent(reasons::add);
        attendance(in).ifPresent(reasons::add);
        participation(in).ifPresent(reasons::add);
        overdueNextSteps(in).ifPresent(reasons::add);
        reasons.sort((a, b) -> Integer.compare(b.cost(), a.cost()));
        int cost = reasons.stream().mapToInt(Reason::cost).sum();
        return new Assessment(Math.max(0, 100 - cost), reasons);
    }

    private Optional<Reason> renewal(Inputs in) {
        if (in.terms() == null) {
            return Optional.empty();
        }
        MembershipTerms t = in.terms();
        MembershipStatus status = t.statusOn(in.today(), MembershipTerms.DEFAULT_NEW_MEMBER_MONTHS);
        if (status == MembershipStatus.GRACE) {
            return Optional.of(new Reason("membership-in-grace",
                    "the membership's term ended on " + t.termEnd() + " and it is not renewed; grace ends on " + t.lastGraceDay(),
                    config.graceCost(), "Call the primary contact to renew before " + t.lastGraceDay()));
        }
        if (t.autoRenew() || (status != MembershipStatus.CURRENT && status != MembershipStatus.NEW)) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(in.today(), t.termEnd());
        if (days > config.renewalWindowDays()) {
            return Optional.empty();
        }
        return Optional.of(new Reason("renewal-due",
                "renewal in " + days + " days (the term ends on " + t.termEnd() + ") and it does not renew automatically",
                config.renewalCost(), "Confirm the renewal with the partner's primary contact"));
    }

    private Optional<Reason> executiveTouchpoint(Inputs in) {
        if (in.lastExecutiveTouchpoint() == null) {
            return Optional.of(new Reason("no-executive-touchpoint", "no executive touchpoint on record",
                    config.executiveTouchpointCost(), "Book an executive business review"));
        }
        long days = ChronoUnit.DAYS.between(in.lastExecutiveTouchpoint(), in.today());
        if (days <= config.executiveTouchpointDays()) {
            return Optional.empty();
        }
        return Optional.of(new Reason("no-executive-touchpoint",
                "no executive touchpoint for " + days + " days (the last on " + in.lastExecutiveTouchpoint() + ")",
                config.executiveTouchpointCost(), "Book an executive business review"));
    }

    private Optional<Reason> emptySeats(Inputs in) {
        if (in.emptySeats().isEmpty()) {
            return Optional.empty();
        }
        List<EmptySeat> seats = in.emptySeats();
        int n = seats.size();
        String observation = n == 1
                ? "the entitled seat on " + seats.get(0).board() + (seats.get(0).since() == null ? " has never been filled"
                        : " is empty since " + seats.get(0).since())
                : "entitled seats are empty on " + n + " boards: " + String.join(", ", seats.stream().map(EmptySeat::describe).toList());
        String boards = n == 1 ? seats.get(0).board()
                : String.join(", ", seats.subList(0, n - 1).stream().map(EmptySeat::board).toList()) + " and " + seats.get(n - 1).board();
        return Optional.of(new Reason("entitled-seat-empty", observation,
                Math.min(config.emptySeatMaxCost(), n * config.emptySeatCost()),
                "Ask the partner to appoint " + (n == 1 ? "a representative" : "representatives") + " to " + boards));
    }

    private Optional<Reason> attendance(Inputs in) {
        if (in.meetingsExpected() < 2 || in.meetingsAttended() * 100 >= config.attendanceMinPercent() * in.meetingsExpected()) {
            return Optional.empty();
        }
        return Optional.of(new Reason("seat-holders-absent",
                "the partner's seat holders attended " + in.meetingsAttended() + " of " + in.meetingsExpected()
                        + " board meetings in the last " + config.attendanceWindowDays() + " days",
                config.attendanceCost(), "Talk to the representative about attending, or about an alternate"));
    }

    private Optional<Reason> overdueNextSteps(Inputs in) {
        if (in.overdueNextSteps() <= 0) {
            return Optional.empty();
        }
        int n = in.overdueNextSteps();
        return Optional.of(new Reason("overdue-next-steps",
                (n == 1 ? "a next step is" : n + " next steps are") + " overdue (the oldest was due on " + in.oldestOverdueDue() + ")",
                Math.min(config.overdueNextStepsMaxCost(), n * config.overdueNextStepCost()),
                "Follow up on the overdue next steps, or move their due dates"));
    }

    private Optional<Reason> participation(Inputs in) {
        if (in.participationBefore() < config.participationMinBefore()
                || in.participationRecent() * 100 >= config.participationDropPercent() * in.participationBefore()) {
            return Optional.empty();
        }
        return Optional.of(new Reason("participation-down",
                "event attendance and sponsorships in the last two quarters: " + in.participationRecent()
                        + ", against " + in.participationBefore() + " in the two before",
                config.participationCost(), "Invite the partner's people to the next events and ask what changed"));
    }
}
