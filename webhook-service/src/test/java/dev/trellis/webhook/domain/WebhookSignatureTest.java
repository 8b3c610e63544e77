package dev.trellis.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification's reference libraries (their test vector). */
    @Test
    void signsTheSpecificationsTestVector() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        long timestamp = 1614265330;
        String body = "{\"test\": 2432232314}";
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(secret, id, timestamp, body));
        assertTrue(WebhookSignature.verify(secret, id, timestamp, body, "v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        assertFalse(WebhookSignature.verify(secret, id, timestamp + 1, body, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    @Test
    void theHeaderHasOneSignaturePerSecret() {
        String a = WebhookSignature.newSecret();
        String b = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(a, b), "id", 1, "{}");
        assertEquals(2, header.split(" ").length);
        assertTrue(WebhookSignature.verify(a, "id", 1, "{}", header));
        assertTrue(WebhookSignature.verify(b, "id", 1, "{}", header));
    }

    @Test
    void backoffGrowsWithJitterUpToItsCap() {
        Duration initial = Duration.ofSeconds(30);
        Duration max = Duration.ofHours(6);
        for (int failures = 1; failures < 40; failures++) {
            Duration pause = Backoff.after(failures, initial, max);
            long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(failures - 1, 30));
            assertTrue(pause.toMillis() >= ceiling / 2 && pause.toMillis() <= ceiling, failures + ": " + pause);
        }
        assertTrue(Backoff.after(1000, initial, max).compareTo(max) <= 0);
    }

    @Test
    void matchingFollowsTypesFilterAndOwner() {
        java.util.UUID p = java.util.UUID.randomUUID();
        java.util.UUID q = java.util.UUID.randomUUID();
        List<String> types = List.of("t");
        assertTrue(Matching.matches(types, null, null, "t", null));
        assertFalse(Matching.matches(types, null, null, "u", p));
        assertTrue(Matching.matches(types, p, null, "t", p));
        assertFalse(Matching.matches(types, p, null, "t", q));
        assertFalse(Matching.matches(types, p, null, "t", null));
        assertTrue(Matching.matches(types, null, p, "t", p));
        assertFalse(Matching.matches(types, null, p, "t", q));
        assertFalse(Matching.matches(types, null, p, "t", null));
    }
}
