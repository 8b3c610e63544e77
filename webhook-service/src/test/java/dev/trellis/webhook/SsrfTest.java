package dev.trellis.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.testing.auth.TestTokens;
import dev.trellis.webhook.messaging.out.WebhookSender;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the default setting (no loopback), neither the API nor the worker's sender lets a request reach this machine or
 * a private network, whatever the URL looks like or a name resolves to.
 */
@QuarkusTest
@TestProfile(SsrfTest.DefaultTargets.class)
class SsrfTest {

    /** The production rule: trellis.webhook.delivery.allow-loopback off. */
    public static class DefaultTargets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trellis.webhook.delivery.allow-loopback", "false");
        }
    }

    @Inject
    WebhookSender sender;

    @Test
    void theApiRefusesLoopbackAndPrivateTargets() {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook", "http://10.1.2.3/hook",
                "http://192.168.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://[fd00:ec2::254]/",
                "http://2130706433/", "http://0x7f000001/")) {
            given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of("dev.trellis.partner.partner-changed.v1")))
                    .post("/api/webhooks").then().statusCode(400).body("errors.field", hasItem("url"));
        }
    }

    @Test
    void theSenderRefusesALoopbackReceiverThatIsListening() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String url = receiver.url("/hook");
            WebhookSender.Outcome outcome = sender.send(url, Map.of("webhook-id", "x"), "{}");
            assertFalse(outcome.success());
            assertTrue(outcome.error().startsWith("refused target"), outcome.error());
            // localhost resolves to loopback: a name is checked by what it resolves to, at sending time
            outcome = sender.send(url.replace("127.0.0.1", "localhost"), Map.of(), "{}");
            assertTrue(outcome.error().startsWith("refused target"), outcome.error());
            assertEquals(0, receiver.received.size() + receiver.refused.get() + receiver.badSignatures.size());
        }
    }
}
