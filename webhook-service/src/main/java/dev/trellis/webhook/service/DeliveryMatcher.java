package dev.trellis.webhook.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.platform.messaging.CloudEvent;
import dev.trellis.platform.messaging.MalformedEventException;
import dev.trellis.webhook.persistence.DeliveryQueries;
import dev.trellis.webhook.persistence.DeliveryQueries.NewDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns events into deliveries, inside the consumer's transaction (with the inbox rows): each event once for each
 * enabled subscription it matches. The worker is woken once that transaction commits.
 */
@ApplicationScoped
public class DeliveryMatcher {
    private final DeliveryQueries deliveries;
    private final ObjectMapper json;
    private final DeliveryWorker worker;

    public DeliveryMatcher(DeliveryQueries deliveries, ObjectMapper json, DeliveryWorker worker) {
        this.deliveries = deliveries;
        this.json = json;
        this.worker = worker;
    }

    /** A read event: its structured-mode body and the partner it is about. */
    public record Matchable(CloudEvent event, String body, UUID partnerId) {
    }

    /**
     * Reads the payload (a JSON object) and its top-level {@code partnerId}, the one field every partner-scoped event
     * carries (docs/events.md).
     *
     * @throws MalformedEventException for a payload that is not a JSON object
     */
    public Matchable read(CloudEvent event) {
        JsonNode data;
        try {
            data = event.data() == null ? null : json.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("unreadable " + event.type() + " payload: " + e.getOriginalMessage());
        }
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("the " + event.type() + " payload is not a JSON object");
        }
        UUID partner = null;
        JsonNode partnerId = data.get("partnerId");
        if (partnerId != null && partnerId.isTextual()) {
            try {
                partner = UUID.fromString(partnerId.asText());
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException("the " + event.type() + " partnerId is not a UUID");
            }
        }
        ObjectNode body = json.createObjectNode();
        body.put("specversion", "1.0");
        body.put("id", event.id());
        body.put("source", event.source());
        body.put("type", event.type());
        if (event.subject() != null) {
            body.put("subject", event.subject());
        }
        if (event.time() != null) {
            body.put("time", event.time().toString());
        }
        body.put("datacontenttype", "application/json");
        body.set("data", data);
        try {
            return new Matchable(event, json.writeValueAsString(body), partner);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the deliveries of these events (in their order), in the current transaction. @return how many */
    public int match(List<Matchable> events) {
        List<NewDelivery> rows = new ArrayList<>();
        for (Matchable m : events) {
            String lane = m.partnerId() == null ? "" : m.partnerId().toString();
            for (UUID subscription : deliveries.matching(m.event().type(), m.partnerId())) {
                rows.add(new NewDelivery(subscription, lane, m.event().id(), m.event().type(), m.body()));
            }
        }
        deliveries.record(rows, Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (!rows.isEmpty()) {
            worker.wakeAfterCommit();
        }
        return rows.size();
    }
}
