package dev.trellis.insights.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.insights.config.HealthConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each rule of the health model at its edges, with the documented default weights (docs/insights.md). */
class HealthRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final HealthRules RULES = new HealthRules(new Defaults());
    static final MembershipTerms AUTO = new MembershipTerms("GOLD", null, null, TODAY.minusYears(1), TODAY.plusDays(10), true, 30);

    private static HealthRules.Inputs inputs(MembershipTerms terms, LocalDate lastExec, List<HealthRules.EmptySeat> seats,
            int expected, int attended, int recent, int before) {
        return new HealthRules.Inputs(TODAY, terms, lastExec, seats, expected, attended, recent, before, 0, null);
    }

    private static List<String> codes(HealthRules.Inputs in) {
        return RULES.assess(in).reasons().stream().map(HealthRules.Reason::code).toList();
    }

    @Test
    void aMemberWithNothingAmissScores100WithNoReasons() {
        HealthRules.Assessment a = RULES.assess(inputs(AUTO, TODAY.minusDays(90), List.of(), 4, 2, 3, 6));
        assertEquals(100, a.score());
        assertEquals(List.of(), a.reasons());
    }

    @Test
    void aRenewalIsDueWithinTheWindowOnlyWithoutAutoRenew() {
        MembershipTerms ends90 = new MembershipTerms("GOLD", null, null, TODAY.minusYears(1), TODAY.plusDays(90), false, 30);
        MembershipTerms ends91 = new MembershipTerms("GOLD", null, null, TODAY.minusYears(1), TODAY.plusDays(91), false, 30);
        assertEquals(List.of("renewal-due"), codes(inputs(ends90, TODAY, List.of(), 0, 0, 0, 0)));
        assertEquals(List.of(), codes(inputs(ends91, TODAY, List.of(), 0, 0, 0, 0)));
        assertEquals(75, RULES.assess(inputs(ends90, TODAY, List.of(), 0, 0, 0, 0)).score());
    }

    @Test
    void graceCostsMoreThanARenewalDue() {
        MembershipTerms inGrace = new MembershipTerms("GOLD", null, null, TODAY.minusYears(1), TODAY.minusDays(5), false, 30);
        HealthRules.Assessment a = RULES.assess(inputs(inGrace, TODAY, List.of(), 0, 0, 0, 0));
        assertEquals(List.of("membership-in-grace"), a.reasons().stream().map(HealthRules.Reason::code).toList());
        assertEquals(65, a.score());
    }

    @Test
    void anExecutiveTouchpointOlderThan90DaysOrNoneCosts20() {
        assertEquals(List.of(), codes(inputs(AUTO, TODAY.minusDays(90), List.of(), 0, 0, 0, 0)));
        assertEquals(List.of("no-executive-touchpoint"), codes(inputs(AUTO, TODAY.minusDays(91), List.of(), 0, 0, 0, 0)));
        HealthRules.Assessment never = RULES.assess(inputs(AUTO, null, List.of(), 0, 0, 0, 0));
        assertEquals("no executive touchpoint on record", never.reasons().get(0).observation());
        assertEquals(80, never.score());
    }

    @Test
    void emptySeatsCost15EachUpTo30() {
        HealthRules.EmptySeat one = new HealthRules.EmptySeat(UUID.randomUUID(), "Governing Board", TODAY.minusDays(3));
        HealthRules.EmptySeat two = new HealthRules.EmptySeat(UUID.randomUUID(), "End User Board", null);
        HealthRules.EmptySeat three = new HealthRules.EmptySeat(UUID.randomUUID(), null, TODAY.minusDays(60));
        HealthRules.Assessment single = RULES.assess(inputs(AUTO, TODAY, List.of(one), 0, 0, 0, 0));
        assertEquals(85, single.score());
        assertEquals("the entitled seat on Governing Board is empty since " + TODAY.minusDays(3), single.reasons().get(0).observation());
        assertEquals("Ask the partner to appoint a representative to Governing Board", single.reasons().get(0).action());
        HealthRules.Assessment many = RULES.assess(inputs(AUTO, TODAY, List.of(one, two, three), 0, 0, 0, 0));
        assertEquals(70, many.score());
        assertEquals("entitled seats are empty on 3 boards: Governing Board (empty since " + TODAY.minusDays(3)
                + "), End User Board (never filled), a board (empty since " + TODAY.minusDays(60) + ")", many.reasons().get(0).observation());
        assertEquals("Ask the partner to appoint representatives to Governing Board, End User Board and the board",
                many.reasons().get(0).action());
    }

    @Test
    void anEntitledSeatNeverFilledCostsAsAnEmptiedOneAndSaysWhichBoard() {
        HealthRules.Assessment a = RULES.assess(inputs(AUTO, TODAY, List.of(new HealthRules.EmptySeat(UUID.randomUUID(),
                "Governing Board", null)), 0, 0, 0, 0));
        assertEquals(85, a.score());
        assertEquals("the entitled seat on Governing Board has never been filled", a.reasons().get(0).observation());
    }

    @Test
    void holdersAbsentFromMostMeetingsCostOnlyWithTwoMeetingsOrMore() {
        assertEquals(List.of(), codes(inputs(AUTO, TODAY, List.of(), 1, 0, 0, 0)));
        assertEquals(List.of("seat-holders-absent"), codes(inputs(AUTO, TODAY, List.of(), 3, 1, 0, 0)));
        assertEquals(List.of(), codes(inputs(AUTO, TODAY, List.of(), 4, 2, 0, 0)));
    }

    @Test
    void participationDownByMoreThanHalfAgainstTheTwoQuartersBefore() {
        assertEquals(List.of("participation-down"), codes(inputs(AUTO, TODAY, List.of(), 0, 0, 2, 5)));
        assertEquals(List.of(), codes(inputs(AUTO, TODAY, List.of(), 0, 0, 3, 6)));
        assertEquals(List.of(), codes(inputs(AUTO, TODAY, List.of(), 0, 0, 0, 1)));
    }

    @Test
    void overdueNextStepsCost5EachUpTo15() {
        HealthRules.Inputs two = new HealthRules.Inputs(TODAY, AUTO, TODAY, List.of(), 0, 0, 0, 0, 2, TODAY.minusDays(9));
        HealthRules.Assessment a = RULES.assess(two);
        assertEquals(90, a.score());
        assertEquals("2 next steps are overdue (the oldest was due on " + TODAY.minusDays(9) + ")", a.reasons().get(0).observation());
        assertEquals(85, RULES.assess(new HealthRules.Inputs(TODAY, AUTO, TODAY, List.of(), 0, 0, 0, 0, 7, TODAY)).score());
    }

    @Test
    void reasonsComeCostliestFirstAndTheScoreNeverGoesBelowZero() {
        MembershipTerms inGrace = new MembershipTerms("GOLD", null, null, TODAY.minusYears(1), TODAY.minusDays(5), false, 30);
        List<HealthRules.EmptySeat> seats = List.of(new HealthRules.EmptySeat(UUID.randomUUID(), "A", TODAY),
                new HealthRules.EmptySeat(UUID.randomUUID(), "B", null));
        HealthRules.Assessment a = RULES.assess(inputs(inGrace, null, seats, 4, 0, 0, 8));
        assertEquals(List.of("membership-in-grace", "entitled-seat-empty", "no-executive-touchpoint", "seat-holders-absent",
                "participation-down"), a.reasons().stream().map(HealthRules.Reason::code).toList());
        assertEquals(0, a.score());
    }

    /** The defaults of {@link HealthConfig}, as the service runs without configuration. */
    static final class Defaults implements HealthConfig {
        public int renewalWindowDays() { return 90; }
        public int renewalCost() { return 25; }
        public int graceCost() { return 35; }
        public int executiveTouchpointDays() { return 90; }
        public int executiveTouchpointCost() { return 20; }
        public int emptySeatCost() { return 15; }
        public int emptySeatMaxCost() { return 30; }
        public int attendanceMinPercent() { return 50; }
        public int attendanceWindowDays() { return 180; }
        public int attendanceCost() { return 15; }
        public int participationDropPercent() { return 50; }
        public int participationMinBefore() { return 2; }
        public int participationCost() { return 10; }
        public int overdueNextStepCost() { return 5; }
        public int overdueNextStepsMaxCost() { return 15; }
        public int atRiskBelow() { return 90; }
    }
}
