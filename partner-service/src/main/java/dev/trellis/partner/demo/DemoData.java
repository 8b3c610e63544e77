package dev.trellis.partner.demo;

import dev.trellis.partner.domain.AffiliationRole;
import dev.trellis.partner.domain.AffiliationSource;
import dev.trellis.partner.domain.KeyContactRole;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.TouchpointType;
import dev.trellis.partner.service.AffiliationService;
import dev.trellis.partner.service.ContactService;
import dev.trellis.partner.service.KeyContactService;
import dev.trellis.partner.service.MembershipService;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.partner.service.TouchpointService;
import dev.trellis.partner.service.command.LogTouchpoint;
import dev.trellis.partner.service.command.NewContact;
import dev.trellis.partner.service.command.NewNextStep;
import dev.trellis.partner.service.command.RegisterPartner;
import dev.trellis.partner.service.command.StartMembership;
import dev.trellis.platform.config.DemoConfig;
import dev.trellis.platform.security.Caller;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The demo data of the local stack: twenty partners across the tiers, with people, memberships,
 * key contacts, touchpoints and next steps. It goes in through the services with their commands, as staff
 * would enter it, so its events reach the other services' read models. Two of the partners are those of
 * the realm's demo partner users (paula: Acme Cloud, piet: Borealis Systems). A partner that has a
 * membership already is left alone, so loading twice adds nothing.
 */
@ApplicationScoped
public class DemoData {
    public static final UUID ACME_CLOUD = UUID.fromString("a1a1a1a1-0000-4000-8000-000000000001");
    public static final UUID BOREALIS_SYSTEMS = UUID.fromString("b2b2b2b2-0000-4000-8000-000000000002");
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    /** The staff members the demo records are entered as: felix of the foundation staff, cora of the community team. */
    private static final Caller STAFF = new Caller("demo-data", "felix", Set.of(Caller.FOUNDATION_STAFF), null);
    private static final Caller TEAM = new Caller("demo-data", "cora", Set.of(Caller.COMMUNITY_TEAM), null);

    /** name, country, tier, months since the term started (negative: not yet), whether it lapsed. */
    private record Seed(UUID id, String name, String country, String tier, int monthsIn, boolean lapsed) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed(ACME_CLOUD, "Acme Cloud", "US", "PLATINUM", 20, false),
            new Seed(BOREALIS_SYSTEMS, "Borealis Systems", "FI", "GOLD", 8, false),
            seed(3, "Cobalt Compute", "DE", "PLATINUM", 30),
            seed(4, "Dunmore Data", "IE", "PLATINUM", 11),
            seed(5, "Eastwind Networks", "JP", "GOLD", 14),
            seed(6, "Fjord Foundry", "NO", "GOLD", 11),
            seed(7, "Granite Labs", "US", "GOLD", 1),
            seed(8, "Halcyon Security", "IL", "GOLD", 25),
            seed(9, "Ironbark Software", "AU", "SILVER", 5),
            seed(10, "Juniper Grove Analytics", "CA", "SILVER", 13),
            seed(11, "Kestrel Mobility", "BR", "SILVER", 9),
            seed(12, "Lumen Ledger", "SG", "SILVER", 12),
            seed(13, "Marlow Media", "GB", "SILVER", -1),
            seed(14, "Northstar Retail", "US", "END_USER", 18),
            seed(15, "Oakridge Health", "NL", "END_USER", 7),
            seed(16, "Pacifica Airlines", "NZ", "END_USER", 4),
            seed(17, "Quarry Bank", "CH", "END_USER", 12),
            seed(18, "Riverbend University", "US", "ASSOCIATE", 26),
            seed(19, "Saltmarsh Open Source Trust", "FR", "ASSOCIATE", 12),
            new Seed(demoId(20), "Tundra Telecom", "SE", "SILVER", 15, true));

    private final DemoConfig config;
    private final PartnerService partners;
    private final MembershipService memberships;
    private final ContactService contacts;
    private final AffiliationService affiliations;
    private final KeyContactService keyContacts;
    private final TouchpointService touchpoints;
    private final Clock clock;

    public DemoData(DemoConfig config, PartnerService partners, MembershipService memberships, ContactService contacts,
            AffiliationService affiliations, KeyContactService keyContacts, TouchpointService touchpoints,
            Clock clock) {
        this.config = config;
        this.partners = partners;
        this.memberships = memberships;
        this.contacts = contacts;
        this.affiliations = affiliations;
        this.keyContacts = keyContacts;
        this.touchpoints = touchpoints;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            load();
        }
    }

    /** Loads the seeds that are missing, as the staff members named above. */
    @ActivateRequestContext
    public int load() {
        int added = 0;
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < SEEDS.size(); i++) {
            Seed seed = SEEDS.get(i);
            String domain = seed.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".example";
            partners.registerIfAbsent(seed.id(), new RegisterPartner(seed.name(), seed.name() + " Ltd.",
                    "https://www." + domain, List.of(domain), seed.name() + " is a " + seed.tier().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " member of the foundation.", null, seed.country(), null, LifecycleStatus.ACTIVE));
            // A partner with a membership has had its demo data (a partner may exist alone from an older version).
            if (memberships.find(Caller.SYSTEM, seed.id()).isPresent()) {
                continue;
            }
            added++;
            LocalDate termStart = today.minusMonths(seed.monthsIn()).withDayOfMonth(1);
            LocalDate termEnd = seed.lapsed() ? today.minusDays(45) : termStart.plusYears(seed.monthsIn() > 12 ? 2 : 1).minusDays(1);
            if (seed.lapsed()) {
                termStart = termEnd.minusYears(1).plusDays(1);
            }
            memberships.start(seed.id(), null,
                    new StartMembership(seed.tier(), termStart, termEnd, !seed.lapsed() && i % 3 != 0, 30), STAFF);

            UUID executive = person(seed, domain, "exec", AffiliationRole.EXECUTIVE_SPONSOR, i, today);
            UUID technical = person(seed, domain, "tech", AffiliationRole.TECHNICAL_LEAD, i, today);
            person(seed, domain, "dev", AffiliationRole.DEVELOPER, i, today);
            keyContacts.assign(seed.id(), KeyContactRole.PRIMARY, executive);
            keyContacts.assign(seed.id(), KeyContactRole.TECHNICAL, technical);

            // Every third partner has had no executive touchpoint for months: an at-risk signal.
            String team = TEAM.username();
            LocalDate reviewed = today.minusDays(i % 3 == 0 ? 150 + i : 10 + i * 3);
            touchpoints.log(seed.id(), new LogTouchpoint(reviewed, TouchpointType.BUSINESS_REVIEW,
                    "Quarterly business review with " + seed.name(), "Internal: budget for next year still open",
                    List.of(executive, technical), List.of(team), List.of(
                            new NewNextStep("Send the renewal proposal", team, reviewed.plusDays(14)),
                            new NewNextStep("Introduce their tech lead to the TOC", STAFF.username(), reviewed.plusDays(30)))),
                    TEAM);
            touchpoints.log(seed.id(), new LogTouchpoint(today.minusDays(i + 2), TouchpointType.CALL,
                    "Check-in on contributions", null, List.of(technical), List.of(team),
                    List.of(new NewNextStep("Share the contributor-onboarding guide", team, today.plusDays(7 + i)))), TEAM);
            // A lapsed seed needs nothing more: its membership expired before it was entered, and the partner's
            // lifecycle follows its membership (MembershipService), so it is LAPSED already.
        }
        LOG.infof("Demo data: %d of %d partners added", added, SEEDS.size());
        return added;
    }

    /**
     * The demo people have ids derived from their partner and role ("exec", "tech", "dev"), so that
     * advisory-service's demo seats name the same executives and technical leads.
     */
    public static UUID demoContactId(UUID partnerId, String who) {
        return UUID.nameUUIDFromBytes(("trellis-demo-contact:" + partnerId + ":" + who).getBytes(StandardCharsets.UTF_8));
    }

    private UUID person(Seed seed, String domain, String who, AffiliationRole role, int i, LocalDate today) {
        String[] first = {"Ada", "Ben", "Chiara", "Dmitri", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas"};
        String[] last = {"Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak", "Brennan", "Haddad", "Kowalski", "Reyes"};
        String firstName = first[(i + who.length()) % first.length];
        String lastName = last[(i * 3 + who.length()) % last.length];
        UUID contact = contacts.create(demoContactId(seed.id(), who), new NewContact(firstName, lastName,
                who + "@" + domain, null, role.name().replace('_', ' ').toLowerCase(Locale.ROOT))).contact().id;
        affiliations.start(contact, seed.id(), role, today.minusMonths(6 + i), AffiliationSource.MANUAL);
        return contact;
    }

    private static Seed seed(int n, String name, String country, String tier, int monthsIn) {
        return new Seed(demoId(n), name, country, tier, monthsIn, false);
    }

    private static UUID demoId(int n) {
        return UUID.fromString(String.format("d0d0d0d0-0000-4000-8000-%012d", n));
    }
}
