package dev.trellis.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerRegistered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerEventsConsumerTest {
    @ConfigProperty(name = "mp.messaging.incoming.partner-events.topic")
    String topic;

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

    private void send(String id, String type, UUID partner, String data) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("partner-service"));
        headers.add("ce_subject", bytes(partner.toString()));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, null, partner.toString(), data, headers)).get();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitView(UUID partner, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            PartnerView view = QuarkusTransaction.requiringNew().call(() -> PartnerView.findById(partner));
            if (view != null && status.equals(view.lifecycleStatus)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("partner " + partner + " never reached " + status + " in the view");
    }
}
