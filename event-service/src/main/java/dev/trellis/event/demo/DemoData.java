package dev.trellis.event.demo;

import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.event.domain.EventKind;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.domain.PartnerView;
import dev.trellis.event.domain.RegistrationSource;
import dev.trellis.event.domain.Sponsorship;
import dev.trellis.event.persistence.PartnerReadModel;
import dev.trellis.event.service.EventService;
import dev.trellis.event.service.RegistrationService;
import dev.trellis.event.service.SponsorshipService;
import dev.trellis.event.service.UserGroupService;
import dev.trellis.event.service.command.EventDetails;
import dev.trellis.event.service.command.NewRegistration;
import dev.trellis.event.service.command.NewSponsorship;
import dev.trellis.event.service.command.NewUserGroup;
import dev.trellis.platform.config.DemoConfig;
import dev.trellis.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data of the local stack: a conference sponsored by demo partners, three user groups (one dormant) with
 * past meetups and their attendance, and upcoming events. Dates are relative to today, so the groups' health
 * reads the same whenever the stack starts (today by the service's clock, in each event's zone). The partners the demo needs are put into the read model here
 * (unless partner-service's events brought them already), so nothing depends on when those events arrive.
 * Everything has a fixed id and is created only if absent, so loading twice adds nothing.
 */
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    /**
     * partner-service's demo partners: the ids of its DemoData, the names and domains it gives them, and the
     * memberships it starts for them (tier, months since the term started, term years, auto-renew, lapsed).
     */
    static final UUID ACME_CLOUD = UUID.fromString("a1a1a1a1-0000-4000-8000-000000000001");
    static final UUID BOREALIS_SYSTEMS = UUID.fromString("b2b2b2b2-0000-4000-8000-000000000002");
    static final UUID COBALT_COMPUTE = UUID.fromString("d0d0d0d0-0000-4000-8000-000000000003");
    static final UUID TUNDRA_TELECOM = UUID.fromString("d0d0d0d0-0000-4000-8000-000000000020");
    private static final List<Object[]> PARTNERS = List.of(
            new Object[] {ACME_CLOUD, "Acme Cloud", "ACTIVE", "PLATINUM", 20, 2, false, false},
            new Object[] {BOREALIS_SYSTEMS, "Borealis Systems", "ACTIVE", "GOLD", 8, 1, true, false},
            new Object[] {COBALT_COMPUTE, "Cobalt Compute", "ACTIVE", "PLATINUM", 30, 2, true, false},
            new Object[] {TUNDRA_TELECOM, "Tundra Telecom", "LAPSED", "SILVER", 15, 1, false, true});

    static final UUID HELSINKI_GROUP = id("e7e7e7e7", 1);
    static final UUID BERLIN_GROUP = id("e7e7e7e7", 2);
    static final UUID LISBON_GROUP = id("e7e7e7e7", 3);
    static final UUID CONFERENCE = id("e5e5e5e5", 3);

    private final DemoConfig config;
    private final EventService events;
    private final UserGroupService groups;
    private final RegistrationService registrations;
    private final SponsorshipService sponsorships;
    private final PartnerReadModel readModel;
    private final Clock clock;

    public DemoData(DemoConfig config, EventService events, UserGroupService groups, RegistrationService registrations,
            SponsorshipService sponsorships, PartnerReadModel readModel, Clock clock) {
        this.config = config;
        this.events = events;
        this.groups = groups;
        this.registrations = registrations;
        this.sponsorships = sponsorships;
        this.readModel = readModel;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            load();
        }
    }

    /** @return how many events were added (0 on a second load) */
    public int load() {
        seedPartners();
        groups.createIfAbsent(HELSINKI_GROUP, new NewUserGroup("Helsinki Cloud Native", "Helsinki", "FI", List.of()));
        groups.createIfAbsent(BERLIN_GROUP, new NewUserGroup("Berlin Platform Engineers", "Berlin", "DE", List.of()));
        groups.createIfAbsent(LISBON_GROUP, new NewUserGroup("Lisbon Open Source", "Lisbon", "PT", List.of()));

        int added = 0;
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZoneId helsinki = ZoneId.of("Europe/Helsinki");
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        added += event(id("e5e5e5e5", 1), new EventDetails(EventKind.SUMMIT,
                "Open Infrastructure Summit 2027", "Two days of talks on open infrastructure.",
                LocalDateTime.of(2027, 3, 16, 9, 0).atZone(berlin).toInstant(),
                LocalDateTime.of(2027, 3, 17, 18, 0).atZone(berlin).toInstant(), berlin.getId(), "bcc Berlin", null, 500,
                null, null, null), EventStatus.PUBLISHED);
        added += event(id("e5e5e5e5", 2), new EventDetails(EventKind.MEETUP,
                "Helsinki Cloud Native Meetup #12", null, LocalDateTime.of(2027, 1, 21, 18, 0).atZone(helsinki).toInstant(),
                LocalDateTime.of(2027, 1, 21, 21, 0).atZone(helsinki).toInstant(), helsinki.getId(), "Maria 01, Helsinki",
                null, 80, null, null, HELSINKI_GROUP), EventStatus.PUBLISHED);

        if (event(CONFERENCE, new EventDetails(EventKind.CONFERENCE, "Trellis Open Source Conference",
                "The foundation's yearly conference: keynotes, project updates and the sponsor hall.",
                at(45, LocalTime.of(9, 0), lisbon), at(46, LocalTime.of(18, 0), lisbon), lisbon.getId(),
                "Centro de Congressos de Lisboa", "https://events.example.org/tosc/live", 400, null, null, null),
                EventStatus.PUBLISHED) == 1) {
            added++;
            sponsor(CONFERENCE, ACME_CLOUD, "DIAMOND", "50000.00", "USD", true);
            sponsor(CONFERENCE, BOREALIS_SYSTEMS, "GOLD", "25000.00", "EUR", true);
            sponsor(CONFERENCE, COBALT_COMPUTE, "SILVER", "10000.00", "EUR", false);
            for (int i = 1; i <= 12; i++) {
                String domain = i % 3 == 0 ? "acme-cloud.example" : i % 3 == 1 ? "borealis-systems.example" : "example.org";
                registrations.register(CONFERENCE, new NewRegistration(null, "Attendee " + i,
                        "attendee" + i + "@" + domain, RegistrationSource.DEMO), Caller.SYSTEM);
            }
        }

        // Helsinki: three meetups held, one recent (active, eligible); Berlin: two (active, not eligible);
        // Lisbon: the last one four months ago (dormant).
        added += pastMeetup(101, HELSINKI_GROUP, "Helsinki Cloud Native #9", 150, helsinki, "Maria 01, Helsinki");
        added += pastMeetup(102, HELSINKI_GROUP, "Helsinki Cloud Native #10", 90, helsinki, "Maria 01, Helsinki");
        added += pastMeetup(103, HELSINKI_GROUP, "Helsinki Cloud Native #11", 25, helsinki, "Maria 01, Helsinki");
        added += pastMeetup(104, BERLIN_GROUP, "Platform Engineering Berlin: GitOps night", 40, berlin, "c-base, Berlin");
        added += pastMeetup(105, BERLIN_GROUP, "Platform Engineering Berlin: SBOMs", 100, berlin, "c-base, Berlin");
        added += pastMeetup(106, LISBON_GROUP, "Lisbon Open Source: first meetup", 250, lisbon, "LACS, Lisbon");
        added += pastMeetup(107, LISBON_GROUP, "Lisbon Open Source: Rust in production", 120, lisbon, "LACS, Lisbon");
        added += prospectMeetup(108, helsinki);

        added += event(id("e5e5e5e5", 201), new EventDetails(EventKind.MEETUP,
                "Helsinki Cloud Native #13", "Observability without the bill.", at(14, LocalTime.of(18, 0), helsinki),
                at(14, LocalTime.of(21, 0), helsinki), helsinki.getId(), "Maria 01, Helsinki", null, 60, null, null,
                HELSINKI_GROUP), EventStatus.PUBLISHED);
        added += event(id("e5e5e5e5", 202), new EventDetails(EventKind.WEBINAR,
                "Platform Engineering Berlin online: Backstage plugins", null, at(30, LocalTime.of(17, 0), berlin),
                at(30, LocalTime.of(18, 30), berlin), berlin.getId(), null, "https://meet.example.org/pe-berlin", 200,
                null, null, BERLIN_GROUP), EventStatus.PUBLISHED);
        added += event(id("e5e5e5e5", 203), new EventDetails(EventKind.WORKSHOP,
                "Contributor workshop: your first patch", null, at(60, LocalTime.of(10, 0), berlin),
                at(60, LocalTime.of(16, 0), berlin), berlin.getId(), "Foundation office, Berlin", null, 20, null, null,
                null), EventStatus.DRAFT);
        LOG.infof("Demo data: %d events added", added);
        return added;
    }

    /**
     * The demo partners and their memberships in the read model, unless partner-service's events have put them
     * there already (a later membership-changed event replaces the seeded membership).
     */
    private void seedPartners() {
        LocalDate today = LocalDate.now(clock);
        for (Object[] p : PARTNERS) {
            UUID id = (UUID) p[0];
            String name = (String) p[1];
            String domain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".example";
            QuarkusTransaction.requiringNew().run(() -> {
                if (PartnerView.findById(id) == null) {
                    readModel.partner(id, name, (String) p[2], List.of(domain), Instant.EPOCH);
                }
                readModel.claimDomainIfFree(domain, id);
                readModel.membershipIfNone(id, membership(p, today));
            });
        }
    }

    /**
     * As partner-service's demo data starts it: from the first of a month, 30 grace days; a lapsed one ended 45
     * days ago.
     */
    private static MembershipTerms membership(Object[] p, LocalDate today) {
        boolean lapsed = (Boolean) p[7];
        LocalDate start = today.minusMonths((Integer) p[4]).withDayOfMonth(1);
        LocalDate end = lapsed ? today.minusDays(45) : start.plusYears((Integer) p[5]).minusDays(1);
        if (lapsed) {
            start = end.minusYears(1).plusDays(1);
        }
        return new MembershipTerms((String) p[3], null, null, start, end, (Boolean) p[6], 30);
    }

    /** A meetup {@code daysAgo} days ago with six people: four came, two did not. */
    private int pastMeetup(int n, UUID group, String title, int daysAgo, ZoneId zone, String venue) {
        UUID id = id("e5e5e5e5", n);
        if (event(id, new EventDetails(EventKind.MEETUP, title, null, at(-daysAgo, LocalTime.of(18, 0), zone),
                at(-daysAgo, LocalTime.of(21, 0), zone), zone.getId(), venue, null, 50, null, null, group),
                EventStatus.PUBLISHED) == 0) {
            return 0;
        }
        String[] domains = {"acme-cloud.example", "borealis-systems.example", "cobalt-compute.example", "example.org"};
        for (int i = 0; i < 6; i++) {
            registrations.importAttendance(id, "Member " + n + "-" + i, "member" + i + "." + n + "@" + domains[i % 4], i < 4);
        }
        events.changeStatus(id, "*", EventStatus.COMPLETED);
        return 1;
    }

    /**
     * A Helsinki meetup 50 days ago hosted by Vantage Robotics, which is no member (and no partner): nine of its
     * people registered and eight came. insights-service shows the domain as a growth lead. (Helsinki had a meetup in the last 60 days already: its health and eligibility stay as they were.)
     */
    private int prospectMeetup(int n, ZoneId zone) {
        UUID id = id("e5e5e5e5", n);
        if (event(id, new EventDetails(EventKind.MEETUP, "Helsinki Cloud Native: robots on Kubernetes", null,
                at(-50, LocalTime.of(18, 0), zone), at(-50, LocalTime.of(21, 0), zone), zone.getId(),
                "Vantage Robotics, Helsinki", null, 50, null, null, HELSINKI_GROUP), EventStatus.PUBLISHED) == 0) {
            return 0;
        }
        for (int i = 0; i < 9; i++) {
            registrations.importAttendance(id, "Vantage Engineer " + i, "engineer" + i + "@" + VANTAGE_ROBOTICS, i < 8);
        }
        events.changeStatus(id, "*", EventStatus.COMPLETED);
        return 1;
    }

    /** The email domain of the demo's prospect: no partner-service partner owns it. */
    static final String VANTAGE_ROBOTICS = "vantage-robotics.example";

    private void sponsor(UUID event, UUID partner, String level, String amount, String currency, boolean confirm) {
        Sponsorship s = sponsorships.propose(event, new NewSponsorship(partner, level, new BigDecimal(amount), currency));
        if (confirm) {
            sponsorships.confirm(event, s.id, "*");
        }
    }

    /** Creates the event unless it exists. @return 1 if it was created */
    private int event(UUID id, EventDetails details, EventStatus status) {
        if (events.exists(id)) {
            return 0;
        }
        events.create(id, details, status);
        return 1;
    }

    private Instant at(int daysFromToday, LocalTime time, ZoneId zone) {
        return LocalDate.now(clock.withZone(zone)).plusDays(daysFromToday).atTime(time).atZone(zone).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static UUID id(String prefix, int n) {
        return UUID.fromString(String.format("%s-0000-4000-8000-%012d", prefix, n));
    }
}
