package dev.trellis.webhook.service;

import dev.trellis.contracts.EventCatalog;
import dev.trellis.platform.domain.AccessDenied;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Caller;
import dev.trellis.platform.validation.PublicHttpUrlValidator;
import dev.trellis.webhook.config.WebhookConfig;
import dev.trellis.webhook.domain.Delivery;
import dev.trellis.webhook.domain.DeliveryStatus;
import dev.trellis.webhook.domain.Subscription;
import dev.trellis.webhook.domain.SubscriptionSecret;
import dev.trellis.webhook.domain.WebhookSignature;
import dev.trellis.webhook.messaging.out.WebhookSender;
import dev.trellis.webhook.persistence.DeliveryQueries;
import dev.trellis.webhook.persistence.SubscriptionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Subscriptions, their secrets and delivery logs, for staff (any subscription) and partner users (their own
 * partner's only; another's is not found).
 */
@ApplicationScoped
public class SubscriptionService {
    private final SubscriptionQueries subscriptions;
    private final DeliveryQueries deliveries;
    private final SecretSealer sealer;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final DeliveryWorker worker;

    public SubscriptionService(SubscriptionQueries subscriptions, DeliveryQueries deliveries, SecretSealer sealer,
            WebhookSender sender, WebhookConfig config, DeliveryWorker worker) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.sealer = sealer;
        this.sender = sender;
        this.config = config;
        this.worker = worker;
    }

    @Transactional
    public CreatedSubscription create(Caller caller, SubscriptionCommand command) {
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.ownerPartnerId = caller.isStaff() ? null : caller.ownPartnerId();
        subscription.createdBy = caller.username();
        apply(caller, subscription, command);
        subscription.enabled = command.enabled() == null || command.enabled();
        subscriptions.persist(subscription);
        String secret = WebhookSignature.newSecret();
        addSecret(subscription.id, secret);
        return new CreatedSubscription(subscription, secret);
    }

    @Transactional
    public Page<Subscription> list(Caller caller, PageRequest page) {
        UUID owner = caller.isStaff() ? null : caller.ownPartnerId();
        return Page.of(subscriptions.list(owner, page), page, s -> Cursor.of(s.createdAt, s.id), s -> s);
    }

    @Transactional
    public Subscription get(Caller caller, UUID id) {
        return visible(caller, id);
    }

    @Transactional
    public Subscription update(Caller caller, UUID id, String ifMatch, SubscriptionCommand command) {
        Subscription subscription = visible(caller, id);
        Versions.requireMatch(ifMatch, subscription.version);
        apply(caller, subscription, command);
        if (command.enabled() != null && command.enabled() != subscription.enabled) {
            if (command.enabled()) {
                subscription.enable();
                deliveries.resume(subscription.id, Instant.now());
                worker.wakeAfterCommit();
            } else {
                subscription.disable("Disabled by " + (caller.username() == null ? "its owner" : caller.username()),
                        Instant.now().truncatedTo(ChronoUnit.MICROS));
            }
        }
        return subscription;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        subscriptions.delete(visible(caller, id));
    }

    @Transactional
    public RotatedSecret rotateSecret(Caller caller, UUID id) {
        Subscription subscription = visible(caller, id);
        Instant until = Instant.now().plus(config.rotationOverlap()).truncatedTo(ChronoUnit.MICROS);
        subscriptions.expireCurrentSecrets(subscription.id, until);
        String secret = WebhookSignature.newSecret();
        addSecret(subscription.id, secret);
        return new RotatedSecret(secret, until);
    }

    @Transactional
    public Page<Delivery> deliveries(Caller caller, UUID id, PageRequest page) {
        Subscription subscription = visible(caller, id);
        return Page.of(deliveries.log(subscription.id, page), page, d -> Cursor.of(d.seq), d -> d);
    }

    @Transactional
    public Delivery delivery(Caller caller, UUID id, UUID deliveryId) {
        Subscription subscription = visible(caller, id);
        Delivery delivery = deliveries.find(subscription.id, deliveryId);
        if (delivery == null) {
            throw NotFound.of("delivery", deliveryId);
        }
        return delivery;
    }

    /** Sends the event again, with the same webhook-id, after whatever its lane holds already. @return the new delivery */
    @Transactional
    public Delivery redeliver(Caller caller, UUID id, UUID deliveryId) {
        Delivery original = delivery(caller, id, deliveryId);
        if (original.status == DeliveryStatus.PENDING) {
            throw StateConflict.of("delivery-pending", "Delivery pending",
                    "This delivery has not been settled yet; it is sent (or retried) by itself");
        }
        UUID copy = deliveries.redeliver(original, Instant.now().truncatedTo(ChronoUnit.MICROS));
        worker.wakeAfterCommit();
        return deliveries.find(original.subscriptionId, copy);
    }

    private Subscription visible(Caller caller, UUID id) {
        Subscription subscription = subscriptions.find(id);
        if (subscription == null || (!caller.isStaff() && !caller.ownPartnerId().equals(subscription.ownerPartnerId))) {
            throw NotFound.of("subscription", id);
        }
        return subscription;
    }

    private void apply(Caller caller, Subscription subscription, SubscriptionCommand command) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String url = command.url() == null ? null : command.url().trim();
        if (url == null || url.isEmpty()) {
            errors.add(new InvalidInput.FieldError("url", "must not be blank"));
        } else {
            String problem = urlProblem(url);
            if (problem != null) {
                errors.add(new InvalidInput.FieldError("url", problem));
            }
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        if (command.eventTypes() == null || command.eventTypes().isEmpty()) {
            errors.add(new InvalidInput.FieldError("eventTypes", "must name at least one event type"));
        } else {
            for (int i = 0; i < command.eventTypes().size(); i++) {
                String type = command.eventTypes().get(i);
                if (type == null || EventCatalog.byType(type).isEmpty()) {
                    errors.add(new InvalidInput.FieldError("eventTypes[" + i + "]",
                            "is not an event type of the catalog (docs/events.md)"));
                } else {
                    types.add(type);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        if (!caller.isStaff() && command.partnerId() != null && !caller.ownPartnerId().equals(command.partnerId())) {
            throw new AccessDenied("not-your-partner", "Not your partner",
                    "A partner's subscription receives events about its own organisation only");
        }
        subscription.url = url;
        subscription.description = command.description();
        subscription.eventTypes = types.toArray(String[]::new);
        subscription.filterPartnerId = caller.isStaff() ? command.partnerId() : subscription.ownerPartnerId;
    }

    /** @return why the URL may not be a target, or null */
    private String urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be a public http(s) URL";
        }
        boolean loopbackTarget = config.delivery().allowLoopback() && uri.getHost() != null
                && (uri.getHost().equals("127.0.0.1") || uri.getHost().toLowerCase(Locale.ROOT).equals("localhost"));
        if (!loopbackTarget && !PublicHttpUrlValidator.isPublicHttpUrl(url)) {
            return "must be a public http(s) URL";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a fragment";
        }
        try {
            sender.resolve(uri);
        } catch (WebhookSender.RefusedTarget refused) {
            // A name that does not resolve yet is checked again at each delivery; one that resolves inside is refused.
            if (!refused.getMessage().equals("the host does not resolve")) {
                return "must be a public http(s) URL: " + refused.getMessage();
            }
        }
        return null;
    }

    private void addSecret(UUID subscription, String secret) {
        SubscriptionSecret row = new SubscriptionSecret();
        row.id = UUID.randomUUID();
        row.subscriptionId = subscription;
        row.secretSealed = sealer.seal(secret);
        subscriptions.persist(row);
    }
}
