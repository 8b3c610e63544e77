package dev.trellis.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerRegistered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
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
        PartnerEventSender.send(topic, id, type, partner, data);
    }

    private static void awaitView(UUID partner, String status) throws InterruptedException {
        PartnerEventSender.await("partner " + partner + " reaches " + status + " in the view", () -> {
            PartnerView view = QuarkusTransaction.requiringNew().call(() -> PartnerView.findById(partner));
            return view != null && status.equals(view.lifecycleStatus);
        });
    }
}
