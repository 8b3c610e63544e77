package dev.trellis.partner.service;

import dev.trellis.partner.config.RenewalConfig;
import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.domain.KeyContactRole;
import dev.trellis.partner.domain.Membership;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.messaging.out.PartnerMails;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reminds a membership's billing and primary key contacts that its term ends, {@code trellis.mail.renewal.days-before}
 * days before (default 60, 30 and 7), once per term and threshold. Each reminder is recorded
 * ({@code renewal_reminder}, V16) in the transaction that records its mails, so it is sent once; instances sweep side
 * by side, each claiming its memberships with {@code FOR UPDATE SKIP LOCKED}. A sweep that comes late (the service was
 * down) sends only the nearest threshold, not the ones it missed. Only contacts whose latest consent for
 * {@link ConsentPurpose#RENEWAL_REMINDERS} grants it get a mail, each with its one-click unsubscribe link.
 */
@ApplicationScoped
public class RenewalReminders {
    private static final Logger LOG = Logger.getLogger(RenewalReminders.class);
    private static final List<KeyContactRole> ROLES = List.of(KeyContactRole.BILLING, KeyContactRole.PRIMARY);

    private final PartnerMails mails;
    private final Unsubscribes unsubscribes;
    private final RenewalConfig settings;
    private final TreeSet<Integer> thresholds;
    private final Clock clock;

    public RenewalReminders(PartnerMails mails, Unsubscribes unsubscribes, RenewalConfig settings, Clock clock) {
        this.mails = mails;
        this.unsubscribes = unsubscribes;
        this.settings = settings;
        this.thresholds = settings.daysBefore().stream().filter(d -> d > 0).collect(Collectors.toCollection(TreeSet::new));
        this.clock = clock;
    }

    @Scheduled(identity = "membership-renewal-reminders", every = "${trellis.mail.renewal.sweep-every:1h}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep(LocalDate.now(clock));
        } catch (RuntimeException e) {
            LOG.warnf("Renewal reminders could not be recorded (%s); will retry", e.getMessage());
        }
    }

    /** Records the reminders due on {@code today}, batch by batch; tests call it with the day they want. @return how many memberships */
    public int sweep(LocalDate today) {
        if (thresholds.isEmpty()) {
            return 0;
        }
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> remindBatch(today));
            total += batch;
        } while (batch == settings.batchSize());
        if (total > 0) {
            LOG.debugf("Recorded renewal reminders of %d memberships", total);
        }
        return total;
    }

    /** One transaction: claims a batch of memberships due for a reminder, records each reminder and its mails. */
    private int remindBatch(LocalDate today) {
        // The thresholds are integers from the configuration, never input: written into the statement as they are.
        String days = thresholds.stream().map(String::valueOf).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<UUID> due = Membership.getEntityManager().createNativeQuery("""
                        select m.id from membership m
                        where m.term_end >= cast(?1 as date) and m.term_end <= cast(?1 as date) + ?2
                          and not exists (select 1 from renewal_reminder r
                                          where r.membership_id = m.id and r.term_end = m.term_end
                                            and r.days_before <= (select min(d) from unnest(array[%s]) d
                                                                  where d >= m.term_end - cast(?1 as date)))
                        order by m.term_end, m.id limit ?3
                        for update of m skip locked""".formatted(days), UUID.class)
                .setParameter(1, today).setParameter(2, thresholds.last()).setParameter(3, settings.batchSize())
                .getResultList();
        for (UUID id : due) {
            remind(Membership.findById(id), today);
        }
        return due.size();
    }

    private void remind(Membership membership, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, membership.termEnd);
        int threshold = thresholds.ceiling((int) daysLeft);
        List<Contact> recipients = Contact.find("""
                        select distinct c from Contact c where c.erasedAt is null and c.id in (
                            select k.contactId from KeyContact k where k.key.membershipId = ?1 and k.key.role in ?2)
                        order by c.id""", membership.id, ROLES).list();
        Partner partner = Partner.findById(membership.partnerId);
        int sent = 0;
        for (Contact contact : recipients) {
            if (!Unsubscribes.granted(contact.id, ConsentPurpose.RENEWAL_REMINDERS)) {
                continue;
            }
            String token = unsubscribes.issue(contact.id, ConsentPurpose.RENEWAL_REMINDERS);
            mails.renewalReminder(membership, partner, contact, daysLeft, token);
            sent++;
        }
        Membership.getEntityManager().createNativeQuery("""
                        insert into renewal_reminder (membership_id, term_end, days_before, mails, recorded_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as timestamptz)) on conflict do nothing""")
                .setParameter(1, membership.id).setParameter(2, membership.termEnd).setParameter(3, threshold)
                .setParameter(4, sent).setParameter(5, Instant.now(clock).atOffset(ZoneOffset.UTC)).executeUpdate();
    }
}
