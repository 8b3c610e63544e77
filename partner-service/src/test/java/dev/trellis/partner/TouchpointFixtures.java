package dev.trellis.partner;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies and calls shared by the touchpoint tests. */
final class TouchpointFixtures {
    private TouchpointFixtures() {
    }

    static Map<String, Object> touchpoint(LocalDate on, String type, List<UUID> contacts) {
        Map<String, Object> body = new HashMap<>();
        body.put("occurredOn", on.toString());
        body.put("type", type);
        body.put("summary", "Quarterly review, renewal on track");
        body.put("notes", "INTERNAL-NOTE CFO is unhappy with the Gold price");
        body.put("attendeeContactIds", contacts);
        body.put("attendeeStaff", List.of("cora"));
        return body;
    }

    static Map<String, Object> step(String description, String owner, LocalDate dueOn) {
        return Map.of("description", description, "owner", owner, "dueOn", dueOn.toString());
    }

    /** Logs a touchpoint as the community team and returns the response body. */
    static JsonPath log(String token, String partnerId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/partners/" + partnerId + "/touchpoints")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath addStep(String token, String touchpointId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/touchpoints/" + touchpointId + "/next-steps")
                .then().statusCode(201).extract().jsonPath();
    }
}
