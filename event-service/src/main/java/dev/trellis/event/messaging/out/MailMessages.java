package dev.trellis.event.messaging.out;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.SignUp;
import dev.trellis.platform.mail.MailAttachment;
import dev.trellis.platform.mail.MailOutbox;
import dev.trellis.platform.mail.MailTemplates;
import dev.trellis.platform.mail.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The registration mails, rendered from the Qute templates {@code templates/mail/<language>/<kind>.txt} and
 * {@code .html} (platform's {@link MailTemplates}) and recorded in {@code mail_outbox} in the caller's transaction
 * ({@link MailOutbox}): a rollback records nothing, and platform's MailRelay sends what was committed.
 */
@ApplicationScoped
public class MailMessages {
    public static final String CONFIRMED = "registration-confirmed";
    public static final String WAITLISTED = "registration-waitlisted";
    public static final String PROMOTED = "registration-promoted";
    public static final String REMINDER = "event-reminder";
    public static final String CANCELLED = "event-cancelled";
    public static final String MOVED = "event-moved";
    public static final String SIGN_UP_CONFIRM = "sign-up-confirm";
    public static final String SIGN_UP_NOTICE = "sign-up-already-registered";
    private final MailTemplates templates;
    private final MailOutbox outbox;

    public MailMessages(MailTemplates templates, MailOutbox outbox) {
        this.templates = templates;
        this.outbox = outbox;
    }

    /** A seat is taken: the event's calendar entry attached, and how to cancel with the token. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registrationConfirmed(Event event, Registration r, String cancelToken, String calendar) {
        record(CONFIRMED, event, r, cancelToken, calendar);
    }

    /** On the waitlist: no calendar entry yet, and how to cancel with the token. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void waitlisted(Event event, Registration r, String cancelToken) {
        record(WAITLISTED, event, r, cancelToken, null);
    }

    /** Moved from the waitlist into a seat: the calendar entry attached (the token went with the waitlist mail). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void promoted(Event event, Registration r, String calendar) {
        record(PROMOTED, event, r, null, calendar);
    }

    /** The event starts soon (trellis.mail.reminder.before): when and where, and the calendar entry again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reminder(Event event, Registration r, String calendar) {
        record(REMINDER, event, r, null, calendar);
    }

    /** The event was cancelled: the registration (seat or waitlist) is void; the calendar entry says CANCELLED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(Event event, Registration r, String calendar) {
        record(CANCELLED, event, r, null, calendar);
    }

    /** The event moved to another time: the new one, and the calendar entry that replaces the old. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(Event event, Registration r, String previousWhen, String calendar) {
        Map<String, Object> data = data(event, r, null);
        data.put("previousWhen", previousWhen);
        record(MOVED, r.id, r.email, data, calendar);
    }

    /** The event's time as the mails write it: start–end in the event's zone. */
    public String when(Event event) {
        return (String) data(event, "").get("when");
    }

    /**
     * A public sign-up waits for its address: the link that leads to the confirmation (a page whose button confirms;
     * opening the link alone confirms nothing, so a mail scanner that fetches it does no harm).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signUpConfirm(Event event, SignUp signUp, String token, Duration holdFor) {
        Map<String, Object> data = data(event, signUp.name);
        data.put("confirmUrl", base() + "/api/events/" + event.id + "/sign-ups/confirmation?token=" + token);
        data.put("holdFor", hours(holdFor));
        record(SIGN_UP_CONFIRM, null, signUp.email, data, null);
    }

    /** A public sign-up of an address registered for the event already: it is, and nothing changes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signUpNotice(Event event, SignUp signUp) {
        record(SIGN_UP_NOTICE, null, signUp.email, data(event, signUp.name), null);
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    private void record(String kind, Event event, Registration r, String cancelToken, String calendar) {
        record(kind, r.id, r.email, data(event, r, cancelToken), calendar);
    }

    private void record(String kind, UUID registrationId, String recipient, Map<String, Object> data, String calendar) {
        OutgoingMail mail = OutgoingMail.of(kind, registrationId, recipient, templates.render(kind, data));
        if (calendar != null) {
            mail = mail.withAttachment(MailAttachment.calendar("event.ics", calendar));
        }
        outbox.record(mail);
    }

    private Map<String, Object> data(Event event, Registration r, String cancelToken) {
        Map<String, Object> data = data(event, r.name);
        data.put("cancelUrl", base() + "/api/events/" + event.id + "/registrations/" + r.id);
        data.put("cancelToken", cancelToken);
        return data;
    }

    private String base() {
        return templates.publicUrl();
    }

    private Map<String, Object> data(Event event, String name) {
        Locale locale = templates.locale();
        ZoneId zone = ZoneId.of(event.timeZone);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        String base = base();
        Map<String, Object> data = new HashMap<>();
        data.put("name", name);
        data.put("title", event.title);
        data.put("when", day.format(event.startsAt.atZone(zone)) + "–" + time.format(event.endsAt.atZone(zone))
                + " (" + event.timeZone + ")");
        data.put("venue", event.venue);
        data.put("onlineUrl", event.onlineUrl);
        data.put("eventUrl", base + "/api/events/" + event.id);
        data.put("calendarUrl", base + "/api/events/" + event.id + "/calendar.ics");
        return data;
    }
}
