package dev.trellis.event.service;

import dev.trellis.event.config.ReminderConfig;
import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.messaging.out.MailMessages;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reminds registrants (those holding a seat) of a published event {@code trellis.mail.reminder.before} its start.
 * Each reminder is recorded with the start it was about ({@code registration.reminded_for}) in the transaction that
 * records its mail, so it is sent once; an event moved to another start reminds again. Registrations made inside
 * that time before the start are not reminded: their confirmation came at most that long ago. Instances sweep side
 * by side: each claims its registrations with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class ReminderService {
    private static final Logger LOG = Logger.getLogger(ReminderService.class);
    private static final String DUE = """
            select r.id from registration r join event e on e.id = r.event_id
            where e.status = 'PUBLISHED' and e.starts_at > cast(?1 as timestamptz) and e.starts_at <= cast(?2 as timestamptz)
              and r.status = 'REGISTERED' and r.created_at <= e.starts_at - cast(?4 as bigint) * interval '1 second'
              and (r.reminded_for is null or r.reminded_for <> e.starts_at)
            order by e.starts_at, r.seq limit ?3
            for update of r skip locked""";

    private final MailMessages mails;
    private final ReminderConfig settings;
    private final Clock clock;

    public ReminderService(MailMessages mails, ReminderConfig config, Clock clock) {
        this.mails = mails;
        this.settings = config;
        this.clock = clock;
    }

    @Scheduled(identity = "event-reminders", every = "${trellis.mail.reminder.sweep-interval:PT5M}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("Event reminders could not be recorded (%s); will retry", e.getMessage());
        }
    }

    /** Records the reminders that are due, batch by batch. @return how many */
    public int sweep() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::remindBatch);
            total += batch;
        } while (batch == settings.batchSize());
        if (total > 0) {
            LOG.debugf("Recorded %d event reminders", total);
        }
        return total;
    }

    /** One transaction: claims a batch, records each reminder and its mail. */
    private int remindBatch() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<UUID> ids = Registration.getEntityManager().createNativeQuery(DUE, UUID.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, now.plus(settings.before()).atOffset(ZoneOffset.UTC))
                .setParameter(3, settings.batchSize()).setParameter(4, settings.before().toSeconds()).getResultList();
        Map<UUID, String> calendars = new HashMap<>();
        for (UUID id : ids) {
            Registration r = Registration.findById(id);
            Event event = Event.findById(r.eventId);
            String calendar = calendars.computeIfAbsent(event.id, x -> CalendarService.invitation(event));
            r.remindedFor = event.startsAt;
            mails.reminder(event, r, calendar);
        }
        return ids.size();
    }
}
