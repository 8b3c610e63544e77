package dev.trellis.event.service;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.RegistrationStatus;
import dev.trellis.event.messaging.out.EventMessages;
import dev.trellis.event.messaging.out.MailMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Seat counting and waitlist promotion. Callers hold the event's row lock ({@link EventService#lock}), so
 * the count they read stays true until they commit: that is what keeps capacity from being exceeded.
 */
@ApplicationScoped
public class Seats {
    private static final List<RegistrationStatus> HOLDING = List.of(RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED);
    private final EventMessages messages;
    private final MailMessages mails;

    public Seats(EventMessages messages, MailMessages mails) {
        this.messages = messages;
        this.mails = mails;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long taken(Event event) {
        return Registration.count("eventId = ?1 and status in ?2", event.id, HOLDING);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean available(Event event) {
        return event.capacity == null || taken(event) < event.capacity;
    }

    /**
     * Moves waitlisted registrations, first come first served, into the seats that are free, and records a mail to
     * each with the event's calendar entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void promote(Event event) {
        long free = event.capacity == null ? Long.MAX_VALUE : event.capacity - taken(event);
        if (free <= 0) {
            return;
        }
        List<Registration> waiting = Registration.find("eventId = ?1 and status = ?2 order by seq", event.id,
                RegistrationStatus.WAITLISTED).page(0, (int) Math.min(free, 1000)).list();
        String calendar = waiting.isEmpty() ? null : CalendarService.invitation(event);
        for (Registration r : waiting) {
            r.status = RegistrationStatus.REGISTERED;
            messages.registration(r);
            mails.promoted(event, r, calendar);
        }
    }
}
