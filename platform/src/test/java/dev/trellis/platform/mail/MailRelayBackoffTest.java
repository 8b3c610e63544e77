package dev.trellis.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailRelayBackoffTest {

    @Test
    void theWaitDoublesWithEachFailureUpToTheMaximum() {
        MailRelay relay = new MailRelay(null, null, config(Duration.ofSeconds(30), Duration.ofMinutes(5)), null);
        assertEquals(Duration.ofSeconds(30), relay.backoff(1));
        assertEquals(Duration.ofSeconds(60), relay.backoff(2));
        assertEquals(Duration.ofSeconds(120), relay.backoff(3));
        assertEquals(Duration.ofSeconds(240), relay.backoff(4));
        assertEquals(Duration.ofMinutes(5), relay.backoff(5));
        assertEquals(Duration.ofMinutes(5), relay.backoff(1000));
    }

    private static MailConfig config(Duration initial, Duration max) {
        MailConfig.Relay relay = new MailConfig.Relay() {
            public boolean enabled() {
                return true;
            }

            public Duration pollInterval() {
                return Duration.ofSeconds(5);
            }

            public int batchSize() {
                return 20;
            }

            public Duration lease() {
                return Duration.ofMinutes(5);
            }

            public int maxAttempts() {
                return 10;
            }

            public Duration initialBackoff() {
                return initial;
            }

            public Duration maxBackoff() {
                return max;
            }
        };
        return new MailConfig() {
            public String language() {
                return "en";
            }

            public String publicUrl() {
                return "http://127.0.0.1:8080";
            }

            public MailConfig.Relay relay() {
                return relay;
            }

            public boolean enabled() {
                return true;
            }

            public String messageIdDomain() {
                return "mail.trellis.dev";
            }
        };
    }
}
