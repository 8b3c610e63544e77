package dev.trellis.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerRegistered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerEventsConsumerTest {
    @ConfigProperty(name = "mp.messaging.incoming.partner-events.topic")
    String topic;
    @ConfigProperty(name = "mp.messaging.incoming.partner-events.dead-letter-queue.topic")
    String deadLetters;

    @Test
    void partnerEventsBuildTheLocalPartnerViewOncePerEvent() throws Exception {
        UUID partner = UUID.randomUUID();
        String registered = UUID.randomUUID().toString();
        String data = "{\"partnerId\":\"" + partner + "\",\"name\":\"Acme Cloud\",\"lifecycleStatus\":\"PROSPECT\","
                + "\"parentPartnerId\":null,\"country\":\"US\",\"emailDomains\":[]}";
        send(registered, PartnerRegistered.TYPE, partner, data);
        awaitView(partner, "PROSPECT");

        String changed = UUID.randomUUID().toString();
        send(changed, PartnerChanged.TYPE, partner, data.replace("PROSPECT", "ACTIVE").replace("Acme Cloud", "Acme Cloud Inc."));
        awaitView(partner, "ACTIVE");

        // A late redelivery of the first event must not undo the change.
        send(registered, PartnerRegistered.TYPE, partner, data);
        String marker = UUID.randomUUID().toString();
        UUID other = UUID.randomUUID();
        send(marker, PartnerRegistered.TYPE, other, data.replace(partner.toString(), other.toString()));
        awaitView(other, "PROSPECT");
        PartnerView view = QuarkusTransaction.requiringNew().call(() -> PartnerView.findById(partner));
        assertEquals("ACTIVE", view.lifecycleStatus);
        assertEquals("Acme Cloud Inc.", view.name);
    }

    /**
     * The channel's failure strategy comes from platform's defaults (dead-letter-queue): a type the
     * catalog does not know and an unreadable payload go to the dead-letter topic with the reason, and
     * the consumer goes on with the next event.
     */
    @Test
    void whatCannotBeProcessedGoesToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        UUID partner = UUID.randomUUID();
        String unknown = "{\"marker\":\"" + UUID.randomUUID() + "\"}";
        send(UUID.randomUUID().toString(), "dev.trellis.partner.partner-renamed.v1", partner, unknown);
        String unreadable = "{\"partnerId\":\"" + partner + "\",\"name\":";
        send(UUID.randomUUID().toString(), PartnerRegistered.TYPE, partner, unreadable);
        UUID next = UUID.randomUUID();
        send(UUID.randomUUID().toString(), PartnerRegistered.TYPE, next, "{\"partnerId\":\"" + next
                + "\",\"name\":\"Next\",\"lifecycleStatus\":\"PROSPECT\",\"parentPartnerId\":null,\"country\":null,\"emailDomains\":[]}");
        awaitView(next, "PROSPECT");

        List<ConsumerRecord<String, String>> dead = deadLetters(List.of(unknown, unreadable));
        assertEquals(2, dead.size(), "dead letters: " + dead);
        for (ConsumerRecord<String, String> record : dead) {
            assertTrue(header(record, "dead-letter-reason") != null, "no reason on " + record);
        }
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> PartnerView.findById(partner)));
    }

    /** The records of the dead-letter topic whose values are {@code values}, waiting up to a minute for them. */
    private List<ConsumerRecord<String, String>> deadLetters(List<String> values) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "advisory-dlq-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(deadLetters));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found.size() < values.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (values.contains(r.value())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void send(String id, String type, UUID partner, String data) throws Exception {
        PartnerEventSender.send(topic, id, type, partner, data);
    }

    private static void awaitView(UUID partner, String status) throws InterruptedException {
        PartnerEventSender.await("partner " + partner + " reaches " + status + " in the view", () -> {
            PartnerView view = QuarkusTransaction.requiringNew().call(() -> PartnerView.findById(partner));
            return view != null && status.equals(view.lifecycleStatus);
        });
    }
}
