package dev.trellis.event.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.partner.AffiliationEnded;
import dev.trellis.contracts.partner.AffiliationStarted;
import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerReactivated;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.event.service.PartnerReadModel;
import dev.trellis.platform.messaging.CloudEvent;
import dev.trellis.platform.messaging.Inbox;
import dev.trellis.platform.messaging.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the partner read model (partners, their email domains, who works where) in step, once per event. */
@ApplicationScoped
public class PartnerEventsConsumer {
    static final String CONSUMER = "event.partner-view";
    private final Inbox inbox;
    private final ObjectMapper json;
    private final PartnerReadModel model;

    public PartnerEventsConsumer(Inbox inbox, ObjectMapper json, PartnerReadModel model) {
        this.inbox = inbox;
        this.json = json;
        this.model = model;
    }

    @Incoming("partner-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, this::apply);
    }

    private void apply(CloudEvent event) {
        Instant at = event.time() == null ? Instant.now() : event.time();
        switch (event.type()) {
            case PartnerRegistered.TYPE -> {
                PartnerRegistered p = read(event, PartnerRegistered.class);
                model.partner(p.partnerId(), p.name(), p.lifecycleStatus().name(), p.emailDomains(), at);
            }
            case PartnerChanged.TYPE -> {
                PartnerChanged p = read(event, PartnerChanged.class);
                model.partner(p.partnerId(), p.name(), p.lifecycleStatus().name(), p.emailDomains(), at);
            }
            case PartnerLapsed.TYPE -> model.status(read(event, PartnerLapsed.class).partnerId(), "LAPSED", at);
            case PartnerReactivated.TYPE -> model.status(read(event, PartnerReactivated.class).partnerId(), "ACTIVE", at);
            case AffiliationStarted.TYPE -> {
                AffiliationStarted a = read(event, AffiliationStarted.class);
                model.affiliation(a.affiliationId(), a.contactId(), a.partnerId(), a.startDate(), true);
            }
            case AffiliationEnded.TYPE -> {
                AffiliationEnded a = read(event, AffiliationEnded.class);
                model.affiliation(a.affiliationId(), a.contactId(), a.partnerId(), a.startDate(), false);
            }
            case ContactErased.TYPE -> {
                ContactErased erased = read(event, ContactErased.class);
                if (erased.contactId() == null || erased.erasedAt() == null) {
                    throw new MalformedEventException("contact-erased without contactId or erasedAt");
                }
                model.erase(erased.contactId(), erased.erasedAt());
            }
            default -> {
                // Memberships, touchpoints and portal users do not matter to events.
            }
        }
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        try {
            T value = json.readValue(event.data(), type);
            if (value == null) {
                throw new MalformedEventException("empty " + event.type() + " payload");
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("unreadable " + event.type() + " payload: " + e.getMessage(), e);
        }
    }
}
