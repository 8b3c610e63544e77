package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.contracts.event.AttendanceRecorded;
import dev.trellis.contracts.event.EventPublished;
import dev.trellis.contracts.event.RegistrationRecorded;
import dev.trellis.event.domain.PartnerView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What goes into the outbox, in the business transaction, for the other services. */
@QuarkusTest
class RecordedMessagesTest {

    @Test
    void publishingRegisteringAndCheckingInRecordTheirMessagesWithThePartner() {
        UUID partner = UUID.randomUUID();
        ReadModel.partner(partner, "Quill Data", "ACTIVE", partner + ".example");
        UUID event = Fixtures.publishedEvent(1, Instant.now().minus(1, ChronoUnit.HOURS));
        assertEquals(List.of("MEETUP|Europe/Helsinki"), payloads(EventPublished.TYPE, event, "kind", "timeZone"));

        String first = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Q\",\"email\":\"q@" + partner + ".example\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201).extract().path("id");
        String second = Fixtures.registerGuest(event, Fixtures.email())[0];
        given().auth().oauth2(team()).delete("/api/events/{e}/registrations/{r}", event, second).then().statusCode(200);
        given().auth().oauth2(team()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + first + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(200);

        assertEquals(List.of(first + "|" + partner + "|REGISTERED", second + "||WAITLISTED", second + "||CANCELLED"),
                payloads(RegistrationRecorded.TYPE, event, "registrationId", "partnerId", "status"));
        assertEquals(List.of(first + "|" + partner + "|true"),
                payloads(AttendanceRecorded.TYPE, event, "registrationId", "partnerId", "attended"));
    }

    @Test
    void registrationAndAttendanceCarryTheEmailsDomainNeverTheAddress() {
        UUID event = Fixtures.publishedEvent(1, Instant.now().minus(1, ChronoUnit.HOURS));
        String guest = "Ada.Lovelace-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada\",\"email\":\"" + guest + "@Vantage-Robotics.Example\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201).extract().path("id");
        given().auth().oauth2(team()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + id + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(200);

        assertEquals(List.of(id + "|vantage-robotics.example"), payloads(RegistrationRecorded.TYPE, event, "registrationId", "emailDomain"));
        assertEquals(List.of(id + "|vantage-robotics.example|true"),
                payloads(AttendanceRecorded.TYPE, event, "registrationId", "emailDomain", "attended"));
        @SuppressWarnings("unchecked")
        List<String> raw = QuarkusTransaction.requiringNew().call(() -> PartnerView.getEntityManager().createNativeQuery(
                "select cast(data as text) from outbox_event where aggregate_id = :event").setParameter("event", event.toString())
                .getResultList());
        assertEquals(true, raw.size() >= 2, raw.toString());
        raw.forEach(data -> assertEquals(false, data.contains("@") || data.toLowerCase().contains("lovelace"), data));
    }

    @SuppressWarnings("unchecked")
    private static List<String> payloads(String type, UUID event, String... fields) {
        StringBuilder select = new StringBuilder("concat_ws('|'");
        for (String f : fields) {
            select.append(", coalesce(data->>'").append(f).append("', '')");
        }
        select.append(")");
        return QuarkusTransaction.requiringNew().call(() -> PartnerView.getEntityManager().createNativeQuery(
                "select " + select + " from outbox_event where type = :type and aggregate_id = :event order by seq")
                .setParameter("type", type).setParameter("event", event.toString()).getResultList());
    }
}
