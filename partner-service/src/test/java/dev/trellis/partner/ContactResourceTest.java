package dev.trellis.partner;

import static dev.trellis.partner.ContactFixtures.A;
import static dev.trellis.partner.ContactFixtures.B;
import static dev.trellis.partner.ContactFixtures.affiliate;
import static dev.trellis.partner.ContactFixtures.contact;
import static dev.trellis.partner.ContactFixtures.etag;
import static dev.trellis.partner.ContactFixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContactResourceTest {
    @Inject
    PartnerService partners;

    @BeforeEach
    void partners() {
        ContactFixtures.partners(partners);
    }

    private static Map<String, Object> newContact(String first, String last, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("email", email);
        return body;
    }

    @Test
    void theOpenApiDocumentDescribesTheContactRoutes() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/contacts'.post.summary", equalTo("Add a contact"))
                .body("paths.'/api/contacts/{contactId}/moves'.post.responses.'201'", notNullValue())
                .body("paths.'/api/partners/me/contacts/{contactId}'.patch.responses.'403'", notNullValue());
    }

    // ---- create

    @Test
    void communityTeamAddsAContactAndGetsItsLocationAndETag() {
        String email = uniqueEmail("ada");
        Map<String, Object> body = newContact("Ada", "Lovelace", email);
        body.put("phone", "+44 20 7946 0958");
        body.put("jobTitle", "Analyst");
        var response = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body(body)
                .post("/api/contacts").then().statusCode(201)
                .header("ETag", notNullValue())
                .body("firstName", equalTo("Ada")).body("email", equalTo(email)).body("jobTitle", equalTo("Analyst"))
                .body("currentAffiliations", empty()).body("consents", empty())
                .extract();
        String id = response.path("id");
        Assertions.assertTrue(response.header("Location").endsWith("/api/contacts/" + id));
        given().auth().oauth2(TestTokens.foundationStaff()).get(response.header("Location"))
                .then().statusCode(200).body("lastName", equalTo("Lovelace")).body("phone", equalTo("+44 20 7946 0958"));
    }

    @Test
    void onlyTheCommunityTeamAddsContacts() {
        Map<String, Object> body = newContact("No", "Body", uniqueEmail("nobody"));
        given().contentType(ContentType.JSON).body(body).post("/api/contacts").then().statusCode(401);
        for (String token : List.of(TestTokens.foundationStaff(), TestTokens.partnerA())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/contacts")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("q", body.get("email")).get("/api/contacts")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void aDuplicateEmailIsAConflictWhateverItsCase() {
        String email = uniqueEmail("grace");
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(newContact("Grace", "Hopper", email)).post("/api/contacts").then().statusCode(201);
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(newContact("Grace", "Again", email.toUpperCase())).post("/api/contacts")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/duplicate-email"));
    }

    @Test
    void invalidContactsAreRefusedNamingTheField() {
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("email", newContact("Bad", "Email", "not-an-email"));
        cases.put("firstName", newContact("  ", "Blank", uniqueEmail("blank")));
        Map<String, Object> noLast = newContact("No", null, uniqueEmail("nolast"));
        cases.put("lastName", noLast);
        Map<String, Object> badPhone = newContact("Bad", "Phone", uniqueEmail("phone"));
        badPhone.put("phone", "call me maybe");
        cases.put("phone", badPhone);
        cases.put("firstName ", newContact("x".repeat(101), "Long", uniqueEmail("long")));
        cases.forEach((field, body) -> given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(body).post("/api/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field.strip())));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body("{\"firstName\": [")
                .post("/api/contacts").then().statusCode(400).contentType("application/problem+json");
    }

    // ---- read and list

    @Test
    void staffReadAContactWithItsETagButPartnersCannot() {
        String id = contact("Read", "Me");
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/contacts/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("id", equalTo(id));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/contacts/" + id)
                .then().statusCode(403).body("firstName", nullValue());
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/contacts/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void partnersCannotListOrFilterTheFoundationsContacts() {
        given().auth().oauth2(TestTokens.partnerA()).get("/api/contacts").then().statusCode(403);
        given().auth().oauth2(TestTokens.partnerA()).queryParam("partnerId", B).get("/api/contacts")
                .then().statusCode(403).body("items", nullValue());
    }

    @Test
    void staffListContactsByNameFilterAndCurrentPartner() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String zed = contact("Zed" + tag, "Aardvark" + tag);
        String amy = contact("Amy" + tag, "Aardvark" + tag);
        String bob = contact("Bob" + tag, "Baker" + tag);
        affiliate(amy, A, "DEVELOPER", "2024-01-01");
        affiliate(bob, B, "DEVELOPER", "2024-01-01");
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("q", tag).get("/api/contacts")
                .then().statusCode(200).body("items.id", contains(amy, zed, bob));
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("q", "amy" + tag + " aardvark").get("/api/contacts")
                .then().statusCode(200).body("items.id", contains(amy));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("q", tag).queryParam("partnerId", A)
                .get("/api/contacts").then().statusCode(200).body("items.id", contains(amy))
                .body("items[0].currentAffiliations.partnerId", contains(A));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("q", "%").get("/api/contacts")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("q", "x".repeat(101)).get("/api/contacts")
                .then().statusCode(400).body("errors.field", hasItem("q"));
    }

    @Test
    void staffPageThroughContactsInAStableOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            contact("Same" + tag, "Name" + tag);
        }
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.communityTeam()).queryParam("q", tag).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/contacts").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        Assertions.assertEquals(5, ids.size());
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        Assertions.assertEquals(sorted, ids, "same names: ordered by id, nobody twice or skipped");
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("cursor", "bm9wZQ").get("/api/contacts")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    // ---- update

    @Test
    void updatingAContactNeedsTheCurrentETag() {
        String id = contact("Etag", "Check");
        String path = "/api/contacts/" + id;
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body(Map.of("jobTitle", "CTO"))
                .patch(path).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).header("If-Match", "\"41\"")
                .body(Map.of("jobTitle", "CTO")).patch(path).then().statusCode(412);
        String etag = etag(TestTokens.communityTeam(), path);
        String next = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .header("If-Match", etag).body(Map.of("jobTitle", "CTO")).patch(path)
                .then().statusCode(200).body("jobTitle", equalTo("CTO")).extract().header("ETag");
        Assertions.assertNotEquals(etag, next);
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("jobTitle", "CEO")).patch(path).then().statusCode(412);
        given().auth().oauth2(TestTokens.communityTeam()).get(path).then().body("jobTitle", equalTo("CTO"));
    }

    @Test
    void aMergePatchChangesOnlyTheFieldsSentAndNullClears() {
        String email = uniqueEmail("merge");
        Map<String, Object> body = newContact("Merge", "Patch", email);
        body.put("phone", "+1 555 0100");
        body.put("jobTitle", "Engineer");
        String id = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body(body)
                .post("/api/contacts").then().statusCode(201).extract().path("id");
        String path = "/api/contacts/" + id;
        given().auth().oauth2(TestTokens.communityTeam()).contentType("application/merge-patch+json")
                .header("If-Match", etag(TestTokens.communityTeam(), path))
                .body("{\"phone\": null, \"lastName\": \"Patched\"}").patch(path)
                .then().statusCode(200)
                .body("firstName", equalTo("Merge")).body("lastName", equalTo("Patched")).body("email", equalTo(email))
                .body("phone", nullValue()).body("jobTitle", equalTo("Engineer"));
    }

    @Test
    void aPatchIsValidatedLikeACreate() {
        String id = contact("Valid", "Patch");
        String path = "/api/contacts/" + id;
        String taken = uniqueEmail("taken");
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(newContact("Taken", "Email", taken)).post("/api/contacts").then().statusCode(201);
        String etag = etag(TestTokens.communityTeam(), path);
        for (String bad : List.of("{\"email\": \"nope\"}", "{\"firstName\": \"  \"}", "{\"lastName\": null}",
                "{\"id\": \"" + UUID.randomUUID() + "\"}")) {
            given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(bad).patch(path).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasSize(1));
        }
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("email", taken.toUpperCase())).patch(path).then().statusCode(409);
        given().auth().oauth2(TestTokens.communityTeam()).get(path).then().statusCode(200)
                .header("ETag", equalTo(etag)).body("firstName", equalTo("Valid"));
    }

    @Test
    void onlyTheCommunityTeamUpdatesContacts() {
        String id = contact("Only", "Team");
        String path = "/api/contacts/" + id;
        String etag = etag(TestTokens.communityTeam(), path);
        for (String token : List.of(TestTokens.foundationStaff(), TestTokens.partnerA())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("firstName", "Hijacked")).patch(path).then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.communityTeam()).get(path).then().body("firstName", equalTo("Only"));
    }

    // ---- consent

    @Test
    void consentKeepsItsHistoryAndTheLatestDecisionIsTheState() {
        String id = contact("Consent", "Giver");
        String path = "/api/contacts/" + id;
        String before = etag(TestTokens.communityTeam(), path);
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("granted", true, "source", "WEB_FORM")).put(path + "/consents/MARKETING_EMAIL")
                .then().statusCode(200).body("granted", equalTo(true)).body("purpose", equalTo("MARKETING_EMAIL"))
                .body("recordedAt", notNullValue());
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("granted", true, "source", "EVENT_REGISTRATION")).put(path + "/consents/EVENT_PHOTOS")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("granted", false, "source", "EMAIL")).put(path + "/consents/MARKETING_EMAIL")
                .then().statusCode(200).body("granted", equalTo(false));
        given().auth().oauth2(TestTokens.foundationStaff()).get(path).then().statusCode(200)
                .header("ETag", not(equalTo(before)))
                .body("consents.purpose", contains("MARKETING_EMAIL", "EVENT_PHOTOS"))
                .body("consents.granted", contains(false, true))
                .body("consentHistory.purpose", contains("MARKETING_EMAIL", "EVENT_PHOTOS", "MARKETING_EMAIL"))
                .body("consentHistory.granted", contains(true, true, false));
    }

    @Test
    void consentIsValidatedAndOnlyTheCommunityTeamRecordsIt() {
        String id = contact("Consent", "Checked");
        String path = "/api/contacts/" + id + "/consents/";
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("granted", true, "source", "WEB_FORM")).put(path + "TELEMARKETING")
                .then().statusCode(400).body("errors.field", hasItem("purpose"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("granted", true, "source", "CARRIER_PIGEON")).put(path + "EVENT_PHOTOS")
                .then().statusCode(400).body("errors.field", hasItem("source"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("source", "WEB_FORM")).put(path + "EVENT_PHOTOS")
                .then().statusCode(400).body("errors.field", hasItem("granted"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("granted", true, "source", "WEB_FORM")).put("/api/contacts/" + UUID.randomUUID()
                        + "/consents/EVENT_PHOTOS").then().statusCode(404);
        for (String token : List.of(TestTokens.foundationStaff(), TestTokens.partnerA())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("granted", true, "source", "WEB_FORM"))
                    .put(path + "EVENT_PHOTOS").then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/contacts/" + id)
                .then().body("consentHistory", empty());
    }

    // ---- partner self-service

    @Test
    void aPartnerListsOnlyItsOwnCurrentContactsWithoutAnythingInternal() {
        String mine = contact("Mine", "Acme");
        String theirs = contact("Theirs", "Borealis");
        String both = contact("Both", "Twice");
        affiliate(mine, A, "TECHNICAL_LEAD", "2024-01-01");
        affiliate(theirs, B, "DEVELOPER", "2024-01-01");
        affiliate(both, A, "MARKETING", "2024-01-01");
        affiliate(both, B, "BILLING", "2024-01-01");
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("granted", true, "source", "WEB_FORM")).put("/api/contacts/" + mine + "/consents/EVENT_PHOTOS")
                .then().statusCode(200);

        var a = given().auth().oauth2(TestTokens.partnerA()).queryParam("limit", 200).get("/api/partners/me/contacts")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = a.getList("items.id", String.class);
        Assertions.assertTrue(ids.containsAll(List.of(mine, both)));
        Assertions.assertFalse(ids.contains(theirs), "another organisation's contact");
        Map<String, Object> mineItem = a.getMap("items.find { it.id == '" + mine + "' }");
        Assertions.assertFalse(mineItem.containsKey("consents"));
        Assertions.assertFalse(mineItem.containsKey("consentHistory"));
        Assertions.assertFalse(mineItem.containsKey("currentAffiliations"));
        Assertions.assertEquals(List.of("MARKETING"), a.getList("items.find { it.id == '" + both + "' }.roles.role"),
                "only the role at the caller's organisation");

        List<String> bIds = given().auth().oauth2(TestTokens.partnerB()).queryParam("limit", 200)
                .get("/api/partners/me/contacts").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        Assertions.assertFalse(bIds.contains(mine));
        Assertions.assertTrue(bIds.containsAll(List.of(theirs, both)));
    }

    @Test
    void staffAndUnlinkedUsersHaveNoSelfServiceContacts() {
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/partners/me/contacts").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("nobody", List.of("partner"), null)).get("/api/partners/me/contacts")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aPartnerCannotReadOrChangeAnotherPartnersContact() {
        String theirs = contact("Other", "Company");
        affiliate(theirs, B, "DEVELOPER", "2024-01-01");
        String staffEtag = etag(TestTokens.communityTeam(), "/api/contacts/" + theirs);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/partners/me/contacts/" + theirs)
                .then().statusCode(404).body("firstName", nullValue());
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("firstName", "Hijacked")).patch("/api/partners/me/contacts/" + theirs)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON).header("If-Match", staffEtag)
                .body(Map.of("firstName", "Hijacked")).patch("/api/partners/me/contacts/" + theirs)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/contacts/" + theirs).then()
                .header("ETag", equalTo(staffEtag)).body("firstName", equalTo("Other"));
        given().auth().oauth2(TestTokens.partnerB()).get("/api/partners/me/contacts/" + theirs)
                .then().statusCode(200).body("firstName", equalTo("Other"));
    }

    @Test
    void aPartnerCorrectsItsOwnContactsDetailsButNeverTheEmail() {
        String mine = contact("Own", "Person");
        affiliate(mine, A, "DEVELOPER", "2024-01-01");
        String path = "/api/partners/me/contacts/" + mine;
        String email = given().auth().oauth2(TestTokens.communityTeam()).get("/api/contacts/" + mine)
                .then().extract().path("email");
        String etag = etag(TestTokens.partnerA(), path);
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON).body(Map.of("jobTitle", "Lead"))
                .patch(path).then().statusCode(428);
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                .body(Map.of("jobTitle", "Lead")).patch(path).then().statusCode(412);
        for (String forbidden : List.of("{\"email\": \"new@example.org\"}",
                "{\"jobTitle\": \"Lead\", \"email\": \"new@example.org\"}",
                "{\"affiliations\": []}")) {
            given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(forbidden).patch(path).then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("phone", "bad phone!")).patch(path).then().statusCode(400)
                .body("errors.field", contains("phone"));
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("firstName", "Owned", "jobTitle", "Lead")).patch(path)
                .then().statusCode(200).header("ETag", not(equalTo(etag)))
                .body("firstName", equalTo("Owned")).body("jobTitle", equalTo("Lead")).body("email", equalTo(email));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/contacts/" + mine).then()
                .body("firstName", equalTo("Owned")).body("email", equalTo(email))
                .body("currentAffiliations", hasSize(1));
    }

    @Test
    void aFormerColleagueIsNoLongerThePartnersContact() {
        String former = contact("Former", "Colleague");
        String affiliation = affiliate(former, A, "DEVELOPER", "2023-01-01");
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("endDate", "2024-12-31"))
                .post("/api/contacts/" + former + "/affiliations/" + affiliation + "/end").then().statusCode(200);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/partners/me/contacts/" + former).then().statusCode(404);
        List<String> ids = given().auth().oauth2(TestTokens.partnerA()).queryParam("limit", 200)
                .get("/api/partners/me/contacts").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        Assertions.assertFalse(ids.contains(former));
    }
}
