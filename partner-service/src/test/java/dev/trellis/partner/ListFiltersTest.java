package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The list filters people reached for: partners by company group and membership status, contacts by consent. */
@QuarkusTest
class ListFiltersTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    PartnerService partners;

    @BeforeEach
    void partners() {
        ContactFixtures.partners(partners);
    }

    private static RequestSpecification team() {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON);
    }

    private static String partner(String name, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("lifecycleStatus", "ACTIVE");
        if (parent != null) {
            body.put("parentPartnerId", parent);
        }
        return team().body(body).post("/api/partners").then().statusCode(201).extract().path("id");
    }

    private static void member(String partner, LocalDate start, LocalDate end, boolean autoRenew) {
        Map<String, Object> body = new HashMap<>();
        body.put("tier", "SILVER");
        body.put("termStart", start.toString());
        body.put("termEnd", end.toString());
        body.put("autoRenew", autoRenew);
        body.put("graceDays", 30);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body(body)
                .put("/api/partners/" + partner + "/membership").then().statusCode(201);
    }

    private static List<String> all(String path, Map<String, Object> query) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = team().queryParams(query).queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get(path).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        return ids;
    }

    @Test
    void partnersByCompanyGroupAreThePartnerItsParentAndEveryoneWithTheSameParent() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String parent = partner("Group " + tag + " A parent", null);
        String child = partner("Group " + tag + " B child", parent);
        String sibling = partner("Group " + tag + " C sibling", parent);
        String grandchild = partner("Group " + tag + " D grandchild", child);
        String stranger = partner("Group " + tag + " E stranger", null);

        List<String> group = List.of(parent, child, sibling, grandchild);
        for (String member : group) {
            Assertions.assertEquals(group, all("/api/partners", Map.of("companyGroup", member)), "group of " + member);
        }
        Assertions.assertEquals(List.of(stranger), all("/api/partners", Map.of("companyGroup", stranger)));
        Assertions.assertEquals(List.of(sibling), all("/api/partners", Map.of("companyGroup", child, "q", "sibling")));
        team().queryParam("companyGroup", "not-a-uuid").get("/api/partners").then().statusCode(400)
                .body("errors.field", hasItem("companyGroup"));
        team().queryParam("companyGroup", UUID.randomUUID()).get("/api/partners").then().statusCode(400)
                .body("errors.field", hasItem("companyGroup"));
        // A partner user still sees only its own organisation.
        given().auth().oauth2(TestTokens.partnerA()).queryParam("companyGroup", parent).get("/api/partners")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void partnersByMembershipStatusAsOfToday() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String fresh = partner("Status " + tag + " new", null);
        member(fresh, TODAY.minusDays(10), TODAY.plusYears(1), false);
        String current = partner("Status " + tag + " current", null);
        member(current, TODAY.minusMonths(6), TODAY.plusMonths(6), false);
        String grace = partner("Status " + tag + " grace", null);
        member(grace, TODAY.minusYears(1), TODAY.minusDays(5), false);
        String expired = partner("Status " + tag + " expired", null);
        member(expired, TODAY.minusYears(2), TODAY.minusYears(1), false);
        String rolled = partner("Status " + tag + " rolled", null);
        member(rolled, TODAY.minusYears(1), TODAY.minusDays(5), true);
        String pending = partner("Status " + tag + " pending", null);
        member(pending, TODAY.plusDays(5), TODAY.plusYears(1), false);
        String none = partner("Status " + tag + " none", null);

        Map<String, List<String>> expected = Map.of(
                "NEW", List.of(fresh),
                "CURRENT", List.of(current, rolled),
                "GRACE", List.of(grace),
                "EXPIRED", List.of(expired),
                "PENDING", List.of(pending),
                "ACTIVE", List.of(current, fresh, rolled),
                "NONE", List.of(none),
                "GRACE,EXPIRED", List.of(expired, grace));
        expected.forEach((status, ids) -> Assertions.assertEquals(ids,
                all("/api/partners", Map.of("q", tag, "membershipStatus", status)), status));
        team().queryParam("membershipStatus", "LAPSING").get("/api/partners").then().statusCode(400)
                .body("errors.field", hasItem("membershipStatus"));
    }

    @Test
    void contactsByConsentAreThoseWhoseLatestDecisionGrantsIt() {
        String tag = "Consent" + UUID.randomUUID().toString().substring(0, 6);
        String yes = ContactFixtures.contact("Yes", tag);
        String withdrawn = ContactFixtures.contact("Withdrawn", tag);
        String other = ContactFixtures.contact("Other", tag);
        ContactFixtures.contact("Never", tag);
        consent(yes, "MARKETING_EMAIL", true);
        consent(withdrawn, "MARKETING_EMAIL", true);
        consent(withdrawn, "MARKETING_EMAIL", false);
        consent(other, "EVENT_PHOTOS", true);

        Assertions.assertEquals(List.of(yes), all("/api/contacts", Map.of("q", tag, "consent", "MARKETING_EMAIL")));
        Assertions.assertEquals(List.of(other), all("/api/contacts", Map.of("q", tag, "consent", "EVENT_PHOTOS")));
        team().queryParam("consent", "NEWSLETTER").get("/api/contacts").then().statusCode(400)
                .body("errors.field", contains("consent"));
    }

    private static void consent(String contact, String purpose, boolean granted) {
        team().body(Map.of("granted", granted, "source", "WEB_FORM"))
                .put("/api/contacts/" + contact + "/consents/" + purpose).then().statusCode(200)
                .body("granted", equalTo(granted));
    }
}
