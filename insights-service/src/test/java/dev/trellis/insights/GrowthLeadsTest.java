package dev.trellis.insights;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.event.AttendanceRecorded;
import dev.trellis.contracts.event.RegistrationRecorded;
import dev.trellis.contracts.event.RegistrationStatus;
import dev.trellis.contracts.event.SponsorshipConfirmed;
import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.MembershipChangeKind;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.MembershipStatus;
import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.contracts.partner.PartnerLifecycleStatus;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.insights.domain.RegistrationView;
import dev.trellis.insights.domain.TimelineEntry;
import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Growth leads from real Kafka events built from the contracts: prospects by the registrations' email domain (members'
 * domains, members' own registrations and free mail left out), and members whose participation is that of the tier
 * above (the test profile's ladder is GROWTH_LOW, GROWTH_HIGH).
 */
@QuarkusTest
class GrowthLeadsTest {
    static final LocalDate TODAY = LocalDate.now();

    @Inject
    ObjectMapper json;

    @Test
    void organisationsWhosePeopleComeToEventsAreProspectsByDomainButNotMembersOrFreeMail() throws Exception {
        Events events = new Events(json);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String prospect = "prospect-" + tag + ".example";
        String memberDomain = "member-" + tag + ".example";
        String knownDomain = "known-" + tag + ".example";
        UUID member = partner(events, "Member " + tag, List.of(memberDomain));
        membership(events, member, "GROWTH_OTHER"); // a member of a tier off the ladder: no peer of the upgrade test
        UUID known = partner(events, "Known Prospect " + tag, List.of(knownDomain)); // a partner, but no member

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        // the prospect: two guests at the first event (one attends), a known contact at both (attends the second),
        // a cancelled guest at the second
        UUID g1 = register(events, first, null, null, prospect, RegistrationStatus.REGISTERED);
        register(events, first, null, null, prospect, RegistrationStatus.REGISTERED);
        register(events, first, contact, null, prospect, RegistrationStatus.REGISTERED);
        UUID c2 = register(events, second, contact, null, prospect, RegistrationStatus.REGISTERED);
        register(events, second, null, null, prospect, RegistrationStatus.CANCELLED);
        attend(events, first, g1, null, null, prospect);
        attend(events, second, c2, contact, null, prospect);
        // not leads: the member's domain, a member's own person under another address, free mail
        register(events, first, null, null, memberDomain, RegistrationStatus.REGISTERED);
        register(events, second, null, null, memberDomain, RegistrationStatus.REGISTERED);
        register(events, first, null, member, "elsewhere-" + tag + ".example", RegistrationStatus.REGISTERED);
        register(events, second, null, member, "elsewhere-" + tag + ".example", RegistrationStatus.REGISTERED);
        register(events, first, null, null, "gmail.com", RegistrationStatus.REGISTERED);
        register(events, second, null, null, "GMAIL.com", RegistrationStatus.REGISTERED);
        // a known partner that is not a member is a lead, named
        register(events, first, null, known, knownDomain, RegistrationStatus.REGISTERED);
        register(events, second, null, known, knownDomain, RegistrationStatus.REGISTERED);
        UUID last = register(events, second, null, null, "single-" + tag + ".example", RegistrationStatus.REGISTERED);
        Events.await("every registration", () -> RegistrationView.findById(last) != null && RegistrationView.count(
                "emailDomain = ?1 and attended = true", prospect) == 2);

        JsonPath leads = given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 100).get("/api/insights/growth-leads")
                .then().statusCode(200)
                .body("prospects.domain", hasItem(prospect))
                .body("prospects.domain", hasItem(knownDomain))
                .body("prospects.domain", not(hasItem(memberDomain)))
                .body("prospects.domain", not(hasItem("elsewhere-" + tag + ".example")))
                .body("prospects.domain", not(hasItem("gmail.com")))
                .body("prospects.domain", not(hasItem("single-" + tag + ".example"))) // one registration is not enough
                .extract().jsonPath();
        String p = "prospects.find { it.domain == '" + prospect + "' }";
        Assertions.assertEquals(4, leads.getInt(p + ".registrations"), "the cancelled one does not count");
        Assertions.assertEquals(2, leads.getInt(p + ".attendances"));
        Assertions.assertEquals(3, leads.getInt(p + ".people"), "the contact once, and the two guests of the first event");
        Assertions.assertNotNull(leads.getString(p + ".lastSeen"));
        Assertions.assertTrue(leads.getString(p + ".nextAction").contains(prospect), leads.getString(p + ".nextAction"));
        String k = "prospects.find { it.domain == '" + knownDomain + "' }";
        Assertions.assertEquals(known.toString(), leads.getString(k + ".knownPartnerId"));
        Assertions.assertEquals("Known Prospect " + tag, leads.getString(k + ".knownPartnerName"));
        List<String> domains = leads.getList("prospects.domain");
        Assertions.assertTrue(domains.indexOf(prospect) < domains.indexOf(knownDomain), "more attendances first: " + domains);
        // the body carries domains, never an address
        Assertions.assertFalse(leads.prettify().contains("@"));

        // partner-service erases the contact: its registrations stay, as a guest's
        events.send(Events.PARTNER_TOPIC, ContactErased.TYPE, contact, new ContactErased(contact, Instant.now(), null, null));
        Events.await("the contact dropped", () -> RegistrationView.count("contactId", contact) == 0);
    }

    @Test
    void membersParticipatingAtTheNextTiersMedianAreUpgradeLeadsStrongestFirst() throws Exception {
        Events events = new Events(json);
        UUID high1 = member(events, "High One", "GROWTH_HIGH");
        UUID high2 = member(events, "High Two", "GROWTH_HIGH");
        UUID strong = member(events, "Strong Low", "GROWTH_LOW");
        UUID atMedian = member(events, "Median Low", "GROWTH_LOW");
        UUID weak = member(events, "Weak Low", "GROWTH_LOW");
        participate(events, high1, 3, 1); // 4
        participate(events, high2, 2, 0); // 2: the GROWTH_HIGH median is 3
        participate(events, strong, 4, 1); // 5
        participate(events, atMedian, 3, 0); // 3
        participate(events, weak, 2, 0); // 2: below the median and below the minimum of 3
        Events.await("every participation", () -> TimelineEntry.count("partnerId = ?1 and kind = ?2", weak, TimelineKind.ATTENDED) == 2
                && TimelineEntry.count("partnerId = ?1 and kind = ?2", strong, TimelineKind.SPONSORED) == 1
                && TimelineEntry.count("partnerId = ?1", atMedian) >= 3
                && TimelineEntry.count("partnerId = ?1", high1) >= 4 && TimelineEntry.count("partnerId = ?1", high2) >= 2);

        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/insights/growth-leads")
                .then().statusCode(200)
                .body("upgrades.partnerId", contains(strong.toString(), atMedian.toString()))
                .body("upgrades[0].partnerName", equalTo("Strong Low"))
                .body("upgrades[0].tier", equalTo("GROWTH_LOW"))
                .body("upgrades[0].nextTier", equalTo("GROWTH_HIGH"))
                .body("upgrades[0].attended", equalTo(4))
                .body("upgrades[0].sponsorships", equalTo(1))
                .body("upgrades[0].participation", equalTo(5))
                .body("upgrades[0].nextTierMedian", equalTo(3.0f))
                .body("upgrades[0].nextTierMembers", equalTo(2))
                .body("upgrades[0].nextAction", equalTo("Open an upgrade conversation with Strong Low about GROWTH_HIGH: 5 events"
                        + " attended or sponsored in the last 182 days, against a GROWTH_HIGH median of 3"))
                .body("upgrades[1].participation", equalTo(3));
    }

    @Test
    void partnersMayNotReadGrowthLeadsAndTheLimitIsChecked() {
        given().auth().oauth2(TestTokens.partnerA()).get("/api/insights/growth-leads").then().statusCode(403);
        given().get("/api/insights/growth-leads").then().statusCode(401);
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 0).get("/api/insights/growth-leads")
                .then().statusCode(400).body("errors.field", contains("limit"));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 1).get("/api/insights/growth-leads")
                .then().statusCode(200);
    }

    private static UUID partner(Events events, String name, List<String> domains) throws Exception {
        UUID partner = UUID.randomUUID();
        events.send(Events.PARTNER_TOPIC, PartnerRegistered.TYPE, partner,
                new PartnerRegistered(partner, name, PartnerLifecycleStatus.ACTIVE, null, "FI", domains));
        return partner;
    }

    private static void membership(Events events, UUID partner, String tier) throws Exception {
        LocalDate start = TODAY.minusMonths(6);
        LocalDate end = TODAY.plusMonths(6);
        events.send(Events.PARTNER_TOPIC, MembershipChanged.TYPE, partner, new MembershipChanged(partner, UUID.randomUUID(), tier,
                MembershipStatus.CURRENT, start, end, 30, true, start, MembershipChangeKind.STARTED,
                new MembershipTerms(tier, null, null, start, end, true, 30)));
    }

    private static UUID member(Events events, String name, String tier) throws Exception {
        UUID partner = partner(events, name, List.of());
        membership(events, partner, tier);
        return partner;
    }

    private static void participate(Events events, UUID partner, int attended, int sponsorships) throws Exception {
        for (int i = 0; i < attended; i++) {
            UUID event = UUID.randomUUID();
            events.send(Events.EVENT_TOPIC, AttendanceRecorded.TYPE, event,
                    new AttendanceRecorded(event, UUID.randomUUID(), UUID.randomUUID(), partner, true, null));
        }
        for (int i = 0; i < sponsorships; i++) {
            UUID event = UUID.randomUUID();
            events.send(Events.EVENT_TOPIC, SponsorshipConfirmed.TYPE, event,
                    new SponsorshipConfirmed(event, UUID.randomUUID(), partner, "GOLD", "1000.00", "EUR"));
        }
    }

    private static UUID register(Events events, UUID event, UUID contact, UUID partner, String domain, RegistrationStatus status)
            throws Exception {
        UUID registration = UUID.randomUUID();
        events.send(Events.EVENT_TOPIC, RegistrationRecorded.TYPE, event,
                new RegistrationRecorded(event, registration, contact, partner, status, domain));
        return registration;
    }

    private static void attend(Events events, UUID event, UUID registration, UUID contact, UUID partner, String domain)
            throws Exception {
        events.send(Events.EVENT_TOPIC, AttendanceRecorded.TYPE, event,
                new AttendanceRecorded(event, registration, contact, partner, true, domain));
    }
}
