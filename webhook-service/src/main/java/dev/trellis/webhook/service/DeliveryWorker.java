package dev.trellis.webhook.service;

import dev.trellis.platform.persistence.AfterCommit;
import dev.trellis.webhook.config.WebhookConfig;
import dev.trellis.webhook.domain.Backoff;
import dev.trellis.webhook.domain.SubscriptionSecret;
import dev.trellis.webhook.domain.WebhookSignature;
import dev.trellis.webhook.messaging.out.WebhookSender;
import dev.trellis.webhook.messaging.out.WebhookSender.Outcome;
import dev.trellis.webhook.persistence.DeliveryQueries;
import dev.trellis.webhook.persistence.DeliveryQueries.Due;
import dev.trellis.webhook.persistence.SubscriptionQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, like the outbox relay publishes: woken after a commit that recorded deliveries, and by a
 * fallback poll (retries fall due by the clock). Each round locks the due heads of lanes ({@code for update skip
 * locked}, so instances share the work and a lane has one delivery in flight), sends them in parallel, and settles
 * them in the same transaction: a crash between sending and committing sends that delivery again, with the same
 * webhook-id.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final Object WAKE_KEY = new Object();

    private final DeliveryQueries deliveries;
    private final SubscriptionQueries subscriptions;
    private final SecretSealer sealer;
    private final WebhookSender sender;
    private final WebhookConfig.Delivery config;
    private final TransactionSynchronizationRegistry transactions;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;

    public DeliveryWorker(DeliveryQueries deliveries, SubscriptionQueries subscriptions, SecretSealer sealer,
            WebhookSender sender, WebhookConfig config, TransactionSynchronizationRegistry transactions) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sealer = sealer;
        this.sender = sender;
        this.config = config.delivery();
        this.transactions = transactions;
    }

    void start(@Observes StartupEvent start) {
        running = true;
        senders = Executors.newFixedThreadPool(Math.max(1, config.batchSize()), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "webhook-delivery");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        signal.release();
        if (loop != null) {
            try {
                loop.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    /** Wakes the worker once the current transaction commits (at most once per transaction). */
    public void wakeAfterCommit() {
        AfterCommit.once(transactions, WAKE_KEY, this::wake);
    }

    public void wake() {
        signal.release();
    }

    private void run() {
        while (running) {
            int sent;
            try {
                sent = round();
            } catch (RuntimeException e) {
                LOG.warnf("A delivery round failed, trying again: %s", e.toString());
                sent = 0;
            }
            if (sent == 0) {
                try {
                    signal.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One round: claim, send, settle. @return how many deliveries were attempted */
    int round() {
        long budget = config.connectTimeout().plus(config.readTimeout()).multipliedBy(2).toSeconds() + 30;
        return QuarkusTransaction.requiringNew().timeout((int) budget).call(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<Due> due = deliveries.claimDue(config.batchSize(), now);
            if (due.isEmpty()) {
                return 0;
            }
            Map<UUID, List<String>> secrets = new HashMap<>();
            for (SubscriptionSecret secret : subscriptions.signingSecrets(due.stream().map(Due::subscriptionId).distinct().toList(), now)) {
                secrets.computeIfAbsent(secret.subscriptionId, k -> new ArrayList<>()).add(sealer.open(secret.secretSealed));
            }
            Map<Due, CompletableFuture<Outcome>> sending = new LinkedHashMap<>();
            for (Due delivery : due) {
                List<String> keys = secrets.getOrDefault(delivery.subscriptionId(), List.of());
                sending.put(delivery, CompletableFuture.supplyAsync(() -> attempt(delivery, keys), senders));
            }
            for (Map.Entry<Due, CompletableFuture<Outcome>> entry : sending.entrySet()) {
                settle(entry.getKey(), entry.getValue().join());
            }
            return due.size();
        });
    }

    private Outcome attempt(Due delivery, List<String> secrets) {
        if (secrets.isEmpty()) {
            return new Outcome(null, "the subscription has no signing secret");
        }
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(secrets, delivery.eventId(), timestamp, delivery.body()));
        return sender.send(delivery.url(), headers, delivery.body());
    }

    private void settle(Due delivery, Outcome outcome) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (outcome.success()) {
            deliveries.delivered(delivery.id(), outcome.statusCode(), now);
            subscriptions.succeeded(delivery.subscriptionId());
            return;
        }
        String error = outcome.error() != null ? outcome.error() : "HTTP " + outcome.statusCode();
        Instant next = now.plus(Backoff.after(delivery.attempts() + 1, config.initialBackoff(), config.maxBackoff()));
        boolean giveUp = !next.isBefore(delivery.createdAt().plus(config.giveUpAfter()));
        deliveries.failed(delivery.id(), outcome.statusCode(), error, now, giveUp ? null : next);
        SubscriptionQueries.Streak streak = subscriptions.failed(delivery.subscriptionId(), now);
        if (streak.failures() >= config.disableAfterAttempts()
                && !streak.since().plus(config.disableAfter()).isAfter(now)) {
            String reason = "Every delivery failed for " + Duration.between(streak.since(), now).toMinutes() + " minutes ("
                    + streak.failures() + " attempts in a row) since " + streak.since() + "; the last: " + error;
            subscriptions.disable(delivery.subscriptionId(), reason.length() > 500 ? reason.substring(0, 500) : reason, now);
            LOG.infof("Subscription %s disabled after %d failed attempts", delivery.subscriptionId(), streak.failures());
        }
    }
}
