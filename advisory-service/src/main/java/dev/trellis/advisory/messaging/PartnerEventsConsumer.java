package dev.trellis.advisory.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.advisory.domain.AffiliationView;
import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.advisory.service.SeatService;
import dev.trellis.contracts.partner.AffiliationEnded;
import dev.trellis.contracts.partner.AffiliationStarted;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerReactivated;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.platform.messaging.CloudEvent;
import dev.trellis.platform.messaging.Inbox;
import dev.trellis.platform.messaging.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the read model ({@link PartnerView}, {@link AffiliationView}) in step with partner-service, once
 * per event, and re-checks the boards' seats in the same transaction: a lapse flags tier seats, an
 * ended affiliation flags (or ends) the holder's seats, a tier change recomputes entitlements.
 */
@ApplicationScoped
public class PartnerEventsConsumer {
    static final String CONSUMER = "advisory.partner-view";

    private final Inbox inbox;
    private final ObjectMapper json;
    private final SeatService seats;

    public PartnerEventsConsumer(Inbox inbox, ObjectMapper json, SeatService seats) {
        this.inbox = inbox;
        this.json = json;
        this.seats = seats;
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
            case MembershipChanged.TYPE -> {
                MembershipChanged m = read(event, MembershipChanged.class);
                PartnerView view = view(m.partnerId(), event.time());
                view.tier = m.tier();
                view.membershipStatus = m.status().name();
            }
            case PartnerLapsed.TYPE -> view(read(event, PartnerLapsed.class).partnerId(), event.time()).lifecycleStatus = "LAPSED";
            case PartnerReactivated.TYPE -> view(read(event, PartnerReactivated.class).partnerId(), event.time()).lifecycleStatus = "ACTIVE";
            case AffiliationStarted.TYPE -> {
                AffiliationStarted a = read(event, AffiliationStarted.class);
                affiliation(a.affiliationId(), a.contactId(), a.partnerId(), a.role().name(), a.startDate(), null, event.time());
            }
            case AffiliationEnded.TYPE -> {
                AffiliationEnded a = read(event, AffiliationEnded.class);
                affiliation(a.affiliationId(), a.contactId(), a.partnerId(), a.role().name(), a.startDate(), a.endDate(), event.time());
            }
            default -> {
                return; // touchpoints, portal users: nothing a board needs
            }
        }
        seats.reconcileAll();
    }

    /** The partner's view, created bare if a membership or lapse arrives before its registration. */
    private static PartnerView view(UUID id, Instant at) {
        PartnerView view = PartnerView.findById(id);
        if (view == null) {
            view = new PartnerView();
            view.partnerId = id;
            view.lifecycleStatus = "ACTIVE";
            view.persist();
        }
        view.updatedAt = at == null ? Instant.now() : at;
        return view;
    }

    private static void affiliation(UUID id, UUID contact, UUID partner, String role, LocalDate start, LocalDate end, Instant at) {
        AffiliationView a = AffiliationView.findById(id);
        if (a == null) {
            a = new AffiliationView();
            a.affiliationId = id;
        } else if (a.endDate != null && end == null) {
            return; // a late affiliation-started must not reopen an ended affiliation
        }
        a.contactId = contact;
        a.partnerId = partner;
        a.role = role;
        a.startDate = start;
        a.endDate = end;
        a.updatedAt = at == null ? Instant.now() : at;
        a.persist();
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
