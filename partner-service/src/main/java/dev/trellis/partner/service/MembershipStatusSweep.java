package dev.trellis.partner.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Publishes what the calendar changes on its own: a membership turning NEW → CURRENT → GRACE → EXPIRED,
 * a tier change reaching its date, an automatic renewal falling due, and the partner's lifecycle following
 * (lapsed once the membership expired, reactivated once a pending term began). Reads never wait for it:
 * they derive the status from the dates themselves. Interval from
 * {@code trellis.membership.sweep-every} (default hourly; {@code off} disables the job).
 */
@ApplicationScoped
public class MembershipStatusSweep {
    private static final Logger LOG = Logger.getLogger(MembershipStatusSweep.class);
    private final MembershipService memberships;

    public MembershipStatusSweep(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Scheduled(identity = "membership-status-sweep", every = "${trellis.membership.sweep-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep(memberships.today());
    }

    /** One sweep as of {@code on}; tests call it with the day they want. */
    public int sweep(LocalDate on) {
        int recorded = memberships.sweep(on);
        if (recorded > 0) {
            LOG.infof("Membership sweep for %s recorded %d changes", on, recorded);
        }
        return recorded;
    }
}
