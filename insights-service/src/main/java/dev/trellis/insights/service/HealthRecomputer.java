package dev.trellis.insights.service;

import dev.trellis.insights.persistence.HealthDue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Computes the health of due partners ({@link HealthDue}), a batch per transaction, on a thread of its own. It sleeps
 * until the next partner falls due (a quiet period after that partner's latest event), at most the poll interval (due
 * partners of another instance that stopped, or left by a failure); an event's commit that makes a partner due sooner
 * wakes it ({@link #wake}). While a partner's events keep arriving it is not computed, so a replay of its history costs
 * one computation. Batches are small: an event about a partner in the batch being computed waits for the batch to commit.
 * A partner whose computation fails is put back a minute later, so one bad partner never holds up the others.
 */
@ApplicationScoped
public class HealthRecomputer {
    private static final Logger LOG = Logger.getLogger(HealthRecomputer.class);
    private static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(1);
    /** How long it waits at least after a batch that was not full, so that the next one is not a single partner. */
    private static final Duration GATHER = Duration.ofMillis(25);

    private final HealthService health;
    private final HealthDue due;
    private final EntityManager em;
    private final int batchSize;
    private final Duration pollInterval;
    private final long quietNanos;
    private final Semaphore wakeups = new Semaphore(0);
    /** When the loop's sleep ends ({@link System#nanoTime}); now or earlier while it computes. */
    private volatile long sleepingUntil = System.nanoTime();
    private volatile boolean running;
    private Thread thread;

    HealthRecomputer(HealthService health, HealthDue due, EntityManager em,
            @ConfigProperty(name = "trellis.insights.health.recompute-batch", defaultValue = "50") int batchSize,
            @ConfigProperty(name = "trellis.insights.health.recompute-poll", defaultValue = "1s") Duration pollInterval,
            @ConfigProperty(name = "trellis.insights.health.quiet-period", defaultValue = "100ms") Duration quietPeriod) {
        this.health = health;
        this.due = due;
        this.em = em;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.quietNanos = quietPeriod.toNanos();
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

    /**
     * Tells it that a partner was just made due (the transaction that marked it committed). Cheap; safe from any
     * thread. It only wakes the loop if the loop means to sleep past the time that partner falls due.
     */
    public void wake() {
        long soonest = System.nanoTime() + quietNanos;
        if (soonest - sleepingUntil < 0 && wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private void loop() {
        while (running) {
            long wait = pollInterval.toNanos();
            try {
                while (running && computeBatch() >= batchSize) {
                    // while full batches are due
                }
                // From here on a wake() of a partner falling due before the poll interval ends interrupts the sleep,
                // including one whose commit the look at the next due time below does not see yet.
                sleepingUntil = System.nanoTime() + wait;
                Optional<Duration> next = QuarkusTransaction.requiringNew().call(due::untilNext);
                if (next.isPresent()) {
                    // Not less than a moment: partners falling due meanwhile share the next batch's transaction.
                    wait = Math.min(wait, Math.max(next.get().toNanos(), GATHER.toNanos()));
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Computing due partners' health failed; retrying");
            }
            try {
                sleepingUntil = System.nanoTime() + wait;
                if (wait > 0) {
                    wakeups.tryAcquire(wait, TimeUnit.NANOSECONDS);
                }
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                sleepingUntil = System.nanoTime();
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
                    // Written and forgotten before the next: each query would otherwise check all of them for changes.
                    em.flush();
                    em.clear();
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
