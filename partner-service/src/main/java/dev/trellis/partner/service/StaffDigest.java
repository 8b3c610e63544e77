package dev.trellis.partner.service;

import dev.trellis.partner.config.DigestConfig;
import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.messaging.out.PartnerMails;
import dev.trellis.partner.messaging.out.PartnerMails.DigestLine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The daily digest to each staff member of their open next steps due today or overdue, to the address their token
 * named when they were last seen ({@code staff_user.email}, StaffSightings). Once per staff member and day: a
 * {@code staff_digest} row (V17) is written with the mail, in one transaction, and instances sweep side by side,
 * each claiming its staff members with {@code FOR UPDATE SKIP LOCKED}. Nothing due: no mail (the row still says the
 * day was looked at).
 */
@ApplicationScoped
public class StaffDigest {
    private static final Logger LOG = Logger.getLogger(StaffDigest.class);

    private final PartnerMails mails;
    private final DigestConfig settings;
    private final MembershipService memberships;
    private final Clock clock;

    public StaffDigest(PartnerMails mails, DigestConfig settings, MembershipService memberships, Clock clock) {
        this.mails = mails;
        this.settings = settings;
        this.memberships = memberships;
        this.clock = clock;
    }

    @Scheduled(identity = "next-steps-digest", cron = "${trellis.mail.digest.cron:0 0 7 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep(memberships.today());
        } catch (RuntimeException e) {
            LOG.warnf("The next-steps digest could not be recorded (%s); will retry at the next run", e.getMessage());
        }
    }

    /** Records the digests of {@code today} (the foundation's day); tests call it with the day they want. @return mails */
    public int sweep(LocalDate today) {
        int total = 0;
        int[] batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> digestBatch(today));
            total += batch[1];
        } while (batch[0] == settings.batchSize());
        if (total > 0) {
            LOG.debugf("Recorded %d next-steps digests", total);
        }
        return total;
    }

    /** One transaction: claims staff members not digested today. @return {claimed, mails} */
    private int[] digestBatch(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> staff = NextStep.getEntityManager().createNativeQuery("""
                        select u.username, u.email from staff_user u
                        where u.email is not null
                          and not exists (select 1 from staff_digest d where d.username = u.username and d.digest_date = ?1)
                        order by u.username limit ?2
                        for update of u skip locked""")
                .setParameter(1, today).setParameter(2, settings.batchSize()).getResultList();
        int sent = 0;
        for (Object[] row : staff) {
            String username = (String) row[0];
            List<NextStep> due = NextStep.<NextStep>find("lower(owner) = ?1 and done = false and dueOn <= ?2 order by dueOn, id",
                    username, today).list();
            List<DigestLine> overdue = new ArrayList<>();
            List<DigestLine> dueToday = new ArrayList<>();
            for (NextStep step : due) {
                Partner partner = Partner.findById(step.touchpoint.partnerId);
                DigestLine line = new DigestLine(step.description, partner == null ? "" : partner.name, step.dueOn.toString());
                (step.dueOn.isBefore(today) ? overdue : dueToday).add(line);
            }
            if (!due.isEmpty()) {
                mails.digest(username, (String) row[1], today, overdue, dueToday);
                sent++;
            }
            NextStep.getEntityManager().createNativeQuery("""
                            insert into staff_digest (username, digest_date, mails, recorded_at)
                            values (?1, ?2, ?3, cast(?4 as timestamptz)) on conflict do nothing""")
                    .setParameter(1, username).setParameter(2, today).setParameter(3, due.isEmpty() ? 0 : 1)
                    .setParameter(4, Instant.now(clock).atOffset(ZoneOffset.UTC)).executeUpdate();
        }
        return new int[] {staff.size(), sent};
    }
}
