package dev.trellis.advisory.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Re-checks every board's seats when the calendar alone changes what the policy finds: a tier change
 * or the end of a membership recorded for a later date takes effect on that day, with no event to say
 * so. Once a day shortly after midnight in the foundation's zone ({@code trellis.time-zone}; "today" comes
 * from the injected clock), and at startup, in case the service was down at midnight.
 */
@ApplicationScoped
public class SeatRecheck {
    private static final Logger LOG = Logger.getLogger(SeatRecheck.class);
    private final SeatService seats;

    public SeatRecheck(SeatService seats) {
        this.seats = seats;
    }

    /** After the demo data (which observes startup at the default priority), so its seats are checked too. */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        run();
    }

    @Scheduled(identity = "advisory-seat-recheck", cron = "${trellis.advisory.recheck-cron:0 5 0 * * ?}",
            timeZone = "${trellis.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        run();
    }

    /** One re-check of every board as of the clock's today; the scheduler, startup and tests call it. */
    public void run() {
        seats.reconcileAll();
        LOG.debug("Seats of every board re-checked");
    }
}
