package dev.trellis.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.Topics;
import dev.trellis.contracts.insights.ErasureCompleted;
import dev.trellis.contracts.partner.ContactErased;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** contact-erased with a request: the read model forgets the person and insights-service confirms on its own topic. */
@QuarkusTest
class ContactErasureTest {
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    @Test
    void anErasureRequestIsConfirmedOnInsightsOwnTopicAndAnOlderErasureIsNot() throws Exception {
        Events events = new Events(json);
        UUID contact = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        events.send(Events.PARTNER_TOPIC, ContactErased.TYPE, contact, new ContactErased(contact, Instant.now(), request, null));
        Events.await("erasure " + request + " confirmed", () -> rows(request).size() == 1);
        Object[] row = rows(request).get(0);
        assertTrue(String.valueOf(row[0]).endsWith(Topics.INSIGHTS), "on " + row[0]);
        assertEquals(request.toString(), row[1], "keyed by the request");
        assertTrue(String.valueOf(row[2]).contains("\"contactId\":\"" + contact + "\""), String.valueOf(row[2]));

        // an erasure sent before requests were tracked has nothing to confirm; the marker after it shows it was read
        UUID old = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        events.send(Events.PARTNER_TOPIC, ContactErased.TYPE, old, new ContactErased(old, Instant.now(), null, null));
        events.send(Events.PARTNER_TOPIC, ContactErased.TYPE, old, new ContactErased(old, Instant.now(), marker, null));
        Events.await("the marker confirmed", () -> rows(marker).size() == 1);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where type = ?1 and data->>'contactId' = ?2 and data->>'requestId' is null")
                .setParameter(1, ErasureCompleted.TYPE).setParameter(2, old.toString()).getSingleResult()).longValue()));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select topic, aggregate_id, cast(data as text) from outbox_event where type = ?1 and data->>'requestId' = ?2")
                .setParameter(1, ErasureCompleted.TYPE).setParameter(2, request.toString()).getResultList());
    }
}
