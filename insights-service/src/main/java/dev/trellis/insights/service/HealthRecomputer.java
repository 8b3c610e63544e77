package dev.trellis.insights.service;

import dev.trellis.insights.persistence.HealthDue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Computes the health of due partners ({@link HealthDue}), a batch per transaction, on a thread of its own. It wakes
 * when an event's transaction that made a partner due commits ({@link #wake}), and at least every poll interval (due
 * partners of another instance that stopped, or left by a failure). While events arrive faster than it computes, due
 * partners pile up and each is computed once for all its events: a replay of a partner's history costs one computation.
 * Batches are small: an event about a partner in the batch being computed waits for the batch to commit.
 * A partner whose computation fails is put back a minute later, so one bad partner never holds up the others.
 */
@ApplicationScoped
public class HealthRecomputer {
    private static final Logger LOG = Logger.getLogger(HealthRecomputer.class);
    private static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(1);

    private final HealthService health;
    private final HealthDue due;
    private final int batchSize;
    private final Duration pollInterval;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    HealthRecomputer(HealthService health, HealthDue due,
            @ConfigProperty(name = "trellis.insights.health.recompute-batch", defaultValue = "20") int batchSize,
            @ConfigProperty(name = "trellis.insights.health.recompute-poll", defaultValue = "1s") Duration pollInterval) {
        this.health = health;
        this.due = due;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
    }

    synchronized void start(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::loop, "insights-health-recomputer");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (thread != null) {
            wakeups.release();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Asks for due partners to be computed now. Cheap; safe from any thread. */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                while (running && computeBatch() > 0) {
                    // until none is due
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Computing due partners' health failed; retrying");
            }
            try {
                wakeups.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return how many due partners it took */
    int computeBatch() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> partners = due.take(batchSize);
                for (UUID partner : partners) {
                    health.computeNow(partner);
                }
                due.done(partners);
                return partners.size();
            });
        } catch (RuntimeException batchFailed) {
            // One by one, to find the partner that fails and put it back for later.
            List<UUID> partners = QuarkusTransaction.requiringNew().call(() -> due.take(batchSize));
            for (UUID partner : partners) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        if (due.takeOne(partner)) {
                            health.computeNow(partner);
                            due.done(List.of(partner));
                        }
                    });
                } catch (RuntimeException failed) {
                    LOG.errorf(failed, "Computing the health of partner %s failed; trying again in %s", partner, RETRY_FAILED_AFTER);
                    QuarkusTransaction.requiringNew().run(() -> due.postpone(partner, RETRY_FAILED_AFTER));
                }
            }
            return partners.size();
        }
    }
}
