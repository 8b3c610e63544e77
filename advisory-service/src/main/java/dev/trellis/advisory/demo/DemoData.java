package dev.trellis.advisory.demo;

import dev.trellis.advisory.domain.BoardKind;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.policy.AttendanceRule;
import dev.trellis.advisory.domain.policy.CompanyCap;
import dev.trellis.advisory.domain.policy.DecisionRule;
import dev.trellis.advisory.domain.policy.Fraction;
import dev.trellis.advisory.domain.policy.Presence;
import dev.trellis.advisory.domain.policy.SeatAllotment;
import dev.trellis.advisory.domain.policy.SeatKind;
import dev.trellis.advisory.domain.policy.SeatPolicy;
import dev.trellis.advisory.domain.policy.TermRule;
import dev.trellis.advisory.domain.policy.TierEntitlement;
import dev.trellis.advisory.persistence.ContactReadModel;
import dev.trellis.advisory.persistence.PartnerReadModel;
import dev.trellis.advisory.service.BoardService;
import dev.trellis.advisory.service.MeetingService;
import dev.trellis.advisory.service.PolicyService;
import dev.trellis.advisory.service.SeatService;
import dev.trellis.advisory.service.command.Appointment;
import dev.trellis.advisory.service.command.AttendanceSheet;
import dev.trellis.advisory.service.command.MeetingPlan;
import dev.trellis.advisory.service.command.NewBoard;
import dev.trellis.advisory.service.command.Vacancy;
import dev.trellis.platform.config.DemoConfig;
import dev.trellis.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The demo boards of the local stack: a governing board and a technical oversight committee with
 * CNCF-like policies, seats held for partner-service's demo partners, and past and upcoming meetings.
 *
 * <p>The demo partners are put into the read model here when it does not know them yet, so seeding
 * does not wait for partner-service's events (which then update the same rows). The seat holders are
 * partner-service's demo people (executive sponsors on the governing board, technical leads on the
 * TOC), whose ids both services derive from the partner id and the role.
 * A board that has seats already is left alone, so loading twice adds nothing.
 */
@ApplicationScoped
public class DemoData {
    static final UUID GOVERNING_BOARD = UUID.fromString("c3c3c3c3-0000-4000-8000-000000000001");
    static final UUID TECHNICAL_OVERSIGHT = UUID.fromString("c3c3c3c3-0000-4000-8000-000000000002");
    static final UUID END_USER_BOARD = UUID.fromString("c3c3c3c3-0000-4000-8000-000000000003");
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    /** Who the demo appoints as; the audit of overrides would name it (the demo overrides nothing). */
    private static final Caller STAFF = new Caller("demo-data", "demo-data", Set.of(Caller.FOUNDATION_STAFF), null);

    /** partner-service's demo partners that hold seats here: id, name, tier. */
    private record DemoPartner(UUID id, String name, String tier) {
    }

    private static final List<DemoPartner> PARTNERS = List.of(
            new DemoPartner(UUID.fromString("a1a1a1a1-0000-4000-8000-000000000001"), "Acme Cloud", "PLATINUM"),
            new DemoPartner(UUID.fromString("b2b2b2b2-0000-4000-8000-000000000002"), "Borealis Systems", "GOLD"),
            new DemoPartner(demoId(3), "Cobalt Compute", "PLATINUM"),
            new DemoPartner(demoId(4), "Dunmore Data", "PLATINUM"),
            new DemoPartner(demoId(5), "Eastwind Networks", "GOLD"),
            new DemoPartner(demoId(6), "Fjord Foundry", "GOLD"),
            new DemoPartner(demoId(7), "Granite Labs", "GOLD"),
            new DemoPartner(demoId(8), "Halcyon Security", "GOLD"),
            new DemoPartner(demoId(9), "Ironbark Software", "SILVER"),
            new DemoPartner(demoId(14), "Northstar Retail", "END_USER"),
            new DemoPartner(demoId(15), "Oakridge Health", "END_USER"),
            new DemoPartner(demoId(16), "Pacifica Airlines", "END_USER"),
            new DemoPartner(demoId(17), "Quarry Bank", "END_USER"));

    static final SeatPolicy GOVERNING_POLICY = SeatPolicy.builder()
            .tier(TierEntitlement.perMember("PLATINUM", 1))
            .tier(TierEntitlement.ratio("GOLD", 5, 3))
            .tier(TierEntitlement.ratio("SILVER", 10, 3))
            .seats(SeatAllotment.fixed(SeatKind.EX_OFFICIO, 1))
            .cap(CompanyCap.perGroup(1))
            .quorum(Fraction.of(1, 2))
            .decision(DecisionRule.majorityOfPresent())
            .build();

    static final SeatPolicy TOC_POLICY = SeatPolicy.builder()
            .seats(SeatAllotment.fixed(SeatKind.ELECTED, 11))
            .totalSeats(11)
            .cap(CompanyCap.perGroup(2))
            .terms(new TermRule(24, null, 2, 2))
            .attendance(AttendanceRule.consecutive(3, 2))
            .quorum(Fraction.of(2, 3))
            .decision(DecisionRule.majorityOfPresent())
            .build();

    /** CNCF §8-like: each End User member appoints one representative, whose seat ends when they leave the member. */
    static final SeatPolicy END_USER_POLICY = SeatPolicy.builder()
            .tier(TierEntitlement.perMember("END_USER", 1))
            .cap(CompanyCap.perOrganisation(2))
            .seatEndsWhenHolderLeavesEmployer()
            .quorum(Fraction.of(1, 2))
            .decision(DecisionRule.majorityOfPresent())
            .build();

    private final DemoConfig config;
    private final BoardService boards;
    private final PolicyService policies;
    private final SeatService seats;
    private final MeetingService meetings;
    private final PartnerReadModel readModel;
    private final ContactReadModel contacts;
    private final Clock clock;

    public DemoData(DemoConfig config, BoardService boards, PolicyService policies, SeatService seats, MeetingService meetings,
            PartnerReadModel readModel, ContactReadModel contacts, Clock clock) {
        this.config = config;
        this.boards = boards;
        this.policies = policies;
        this.seats = seats;
        this.meetings = meetings;
        this.readModel = readModel;
        this.contacts = contacts;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            load();
        }
    }

    /** Loads what is missing; returns the number of seats added. */
    public int load() {
        boards.createIfAbsent(GOVERNING_BOARD, new NewBoard("Governing Board", BoardKind.GOVERNING_BOARD));
        boards.createIfAbsent(TECHNICAL_OVERSIGHT, new NewBoard("Technical Oversight Committee", BoardKind.TECHNICAL_COMMITTEE));
        boards.createIfAbsent(END_USER_BOARD, new NewBoard("End User Advisory Board", BoardKind.END_USER_BOARD));
        QuarkusTransaction.requiringNew().run(this::knowPartners);
        int added = 0;
        LocalDate today = LocalDate.now(clock);
        if (!hasSeats(GOVERNING_BOARD)) {
            policies.set(GOVERNING_BOARD, GOVERNING_POLICY);
            Map<String, UUID> gb = new HashMap<>();
            for (DemoPartner p : List.of(PARTNERS.get(0), PARTNERS.get(2), PARTNERS.get(3), PARTNERS.get(1))) {
                gb.put(p.name(), appoint(GOVERNING_BOARD, p, SeatKind.TIER_APPOINTED, p.tier(), today.minusYears(1).withDayOfMonth(1), null));
                added++;
            }
            UUID meeting = meetings.schedule(GOVERNING_BOARD, new MeetingPlan("Governing Board: annual budget",
                    today.minusMonths(1).atTime(LocalTime.of(17, 0)), "America/Los_Angeles", 120,
                    "1. Budget for next year\n2. Gold representative election", null)).id;
            Map<UUID, Presence> presence = new HashMap<>();
            gb.values().forEach(seat -> presence.put(seat, Presence.PRESENT));
            meetings.recordAttendance(GOVERNING_BOARD, meeting, AttendanceSheet.of(presence));
            meetings.close(GOVERNING_BOARD, meeting, "The board approved the budget.");
            meetings.schedule(GOVERNING_BOARD, new MeetingPlan("Governing Board: quarterly meeting",
                    today.plusMonths(2).atTime(LocalTime.of(17, 0)), "America/Los_Angeles", 120,
                    "1. Membership report\n2. Events strategy", null));
            // Dunmore Data's representative left two weeks ago and nobody has been appointed since: an entitled seat
            // left empty, one of the reasons insights-service puts Dunmore on the at-risk worklist.
            UUID dunmore = gb.get(PARTNERS.get(3).name());
            seats.vacate(GOVERNING_BOARD, dunmore, "*", new Vacancy(today.minusDays(14),
                    "The representative left Dunmore Data"));
        }
        if (!hasSeats(TECHNICAL_OVERSIGHT)) {
            policies.set(TECHNICAL_OVERSIGHT, TOC_POLICY);
            // staggered: some terms end within the next months, others in a year or two
            int[] monthsIn = {22, 14, 2, 14, 2};
            List<DemoPartner> holders = List.of(PARTNERS.get(0), PARTNERS.get(1), PARTNERS.get(4), PARTNERS.get(8), PARTNERS.get(9));
            UUID[] toc = new UUID[holders.size()];
            for (int i = 0; i < holders.size(); i++) {
                LocalDate start = today.minusMonths(monthsIn[i]).withDayOfMonth(1);
                toc[i] = appoint(TECHNICAL_OVERSIGHT, holders.get(i), SeatKind.ELECTED, null, start, start.plusYears(2).minusDays(1));
                added++;
            }
            // Northstar's representative misses three meetings in a row: voting is suspended.
            for (int week = 3; week >= 1; week--) {
                UUID meeting = meetings.schedule(TECHNICAL_OVERSIGHT, tocCall(today.minusWeeks(week))).id;
                Map<UUID, Presence> presence = new HashMap<>();
                for (int i = 0; i < toc.length; i++) {
                    presence.put(toc[i], i == 4 ? Presence.ABSENT : i == 3 ? Presence.ALTERNATE : Presence.PRESENT);
                }
                meetings.recordAttendance(TECHNICAL_OVERSIGHT, meeting, AttendanceSheet.of(presence));
                meetings.close(TECHNICAL_OVERSIGHT, meeting, "Reviewed incubation proposals.");
            }
            for (int week = 1; week <= 2; week++) {
                meetings.schedule(TECHNICAL_OVERSIGHT, tocCall(today.plusWeeks(week)));
            }
        }
        if (!hasSeats(END_USER_BOARD)) {
            policies.set(END_USER_BOARD, END_USER_POLICY);
            // Northstar, Oakridge and Quarry appointed their representatives; Pacifica Airlines, an End User member as
            // entitled as they are, never has: insights-service counts that seat, never filled, in its health.
            for (DemoPartner p : List.of(PARTNERS.get(9), PARTNERS.get(10), PARTNERS.get(12))) {
                appoint(END_USER_BOARD, p, SeatKind.TIER_APPOINTED, p.tier(), today.minusMonths(3).withDayOfMonth(1), null);
                added++;
            }
        }
        LOG.infof("Demo data: %d seats added", added);
        return added;
    }

    private UUID appoint(UUID board, DemoPartner partner, SeatKind kind, String tier, LocalDate start, LocalDate end) {
        // Governing board seats go to each partner's executive sponsor, TOC seats to its technical lead:
        // the same people partner-service's demo data creates (it derives their ids the same way).
        UUID holder = demoContactId(partner.id(), board.equals(GOVERNING_BOARD) ? "exec" : "tech");
        return seats.appoint(board, new Appointment(holder, partner.id(), kind, tier, start, end, null, null, null), STAFF).seat().id;
    }

    private static MeetingPlan tocCall(LocalDate day) {
        return new MeetingPlan("TOC weekly call", day.atTime(LocalTime.of(16, 0)), "Europe/Berlin", 60, "Project reviews", null);
    }

    private static boolean hasSeats(UUID board) {
        return QuarkusTransaction.requiringNew().call(() -> Seat.count("boardId", board) > 0);
    }

    /**
     * partner-registered may arrive before membership-changed (or before this service read memberships
     * at all): the demo partners get the tier the demo needs; the membership event, when it comes,
     * replaces it with partner-service's own. The demo holders are known contacts the same way.
     */
    private void knowPartners() {
        Instant now = Instant.now(clock);
        PARTNERS.forEach(p -> readModel.assumeMember(p.id(), p.name(), p.tier(), now));
        // the people seated below, before partner-service's contact-registered arrives
        for (DemoPartner p : PARTNERS) {
            contacts.assume(demoContactId(p.id(), "exec"), now);
            contacts.assume(demoContactId(p.id(), "tech"), now);
        }
    }

    /** partner-service's DemoData#demoContactId: the id of a demo partner's person by role. */
    static UUID demoContactId(UUID partnerId, String who) {
        return UUID.nameUUIDFromBytes(("trellis-demo-contact:" + partnerId + ":" + who)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static UUID demoId(int n) {
        return UUID.fromString(String.format("d0d0d0d0-0000-4000-8000-%012d", n));
    }
}
