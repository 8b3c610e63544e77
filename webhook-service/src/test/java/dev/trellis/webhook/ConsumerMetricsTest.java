package dev.trellis.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * webhook-service's consumers report like every other service's: events applied, dead letters (a record that is
 * no CloudEvent of the catalog), and the lag of their group on each topic.
 */
@QuarkusTest
class ConsumerMetricsTest {
    private static final String CONSUMER = "webhook.partner";

    @Inject
    MeterRegistry registry;

    @Test
    void anAppliedEventAndADeadLetterMoveTheConsumersCounters() throws Exception {
        double processed = count("trellis.consumer.processed");
        double deadLetters = count("trellis.consumer.dead.letters");
        try (Events events = new Events()) {
            events.partnerEvent(Events.PARTNER_CHANGED, UUID.randomUUID(), "metrics");
            events.send(Events.topic("partner-events"), UUID.randomUUID().toString(),
                    "dev.trellis.partner.no-such-fact.v1", UUID.randomUUID().toString(), "{}");
        }
        WebhookDeliveryTest.await("the consumer took both records",
                () -> count("trellis.consumer.processed") > processed && count("trellis.consumer.dead.letters") > deadLetters);
        assertEquals(deadLetters + 1, count("trellis.consumer.dead.letters"), "exactly the one record out of the catalog");
        assertEquals(0.0, registry.get("trellis.consumer.stalled").tag("consumer", CONSUMER).gauge().value());
    }

    @Test
    void theGroupsLagOnItsTopicsIsReported() throws Exception {
        String group = ConfigProvider.getConfig().getValue("mp.messaging.incoming.partner-events.group.id", String.class);
        String topic = Events.topic("partner-events");
        WebhookDeliveryTest.await("a lag gauge for the partner topic",
                () -> registry.find("trellis.consumer.lag").tag("group", group).tag("topic", topic).gauge() != null);
        for (Gauge gauge : registry.find("trellis.consumer.lag").tag("group", group).tag("topic", topic).gauges()) {
            assertTrue(gauge.value() >= 0, gauge.getId() + " = " + gauge.value());
        }
    }

    private double count(String name) {
        Counter counter = registry.find(name).tag("consumer", CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }
}
