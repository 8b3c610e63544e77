package dev.trellis.advisory.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.platform.messaging.CloudEvent;
import dev.trellis.platform.messaging.Inbox;
import dev.trellis.platform.messaging.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps {@link PartnerView} in step with partner-service, once per event. */
@ApplicationScoped
public class PartnerEventsConsumer {
    static final String CONSUMER = "advisory.partner-view";

    private final Inbox inbox;
    private final ObjectMapper json;

    public PartnerEventsConsumer(Inbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming("partner-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, this::apply);
    }

    private void apply(CloudEvent event) {
        switch (event.type()) {
            case PartnerRegistered.TYPE -> {
                PartnerRegistered p = read(event, PartnerRegistered.class);
                upsert(p.partnerId(), p.name(), p.lifecycleStatus().name(), p.parentPartnerId(), event.time());
            }
            case PartnerChanged.TYPE -> {
                PartnerChanged p = read(event, PartnerChanged.class);
                upsert(p.partnerId(), p.name(), p.lifecycleStatus().name(), p.parentPartnerId(), event.time());
            }
            default -> {
                // Other partner facts (memberships, affiliations) arrive with the advisory issue's read model.
            }
        }
    }

    private void upsert(UUID id, String name, String status, UUID parent, Instant at) {
        PartnerView view = PartnerView.findById(id);
        if (view == null) {
            view = new PartnerView();
            view.partnerId = id;
        }
        view.name = name;
        view.lifecycleStatus = status;
        view.parentPartnerId = parent;
        view.updatedAt = at == null ? Instant.now() : at;
        view.persist();
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        try {
            return json.readValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("unreadable " + event.type() + " payload: " + e.getMessage(), e);
        }
    }
}
