package dev.trellis.event.messaging.out;

import dev.trellis.event.config.MailConfig;
import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.OutboxMail;
import dev.trellis.event.domain.Registration;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The registration mails, rendered from the Qute templates {@code templates/mail/<language>/<kind>.txt} and
 * {@code .html} (the subject is the text template's fragment {@code subject}) and recorded in {@code mail_outbox}
 * in the caller's transaction: a rollback records nothing, and {@link MailRelay} sends what was committed.
 */
@ApplicationScoped
public class MailMessages {
    public static final String CONFIRMED = "registration-confirmed";
    public static final String WAITLISTED = "registration-waitlisted";
    public static final String PROMOTED = "registration-promoted";
    static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";
    private static final String FALLBACK_LANGUAGE = "en";

    private final Engine engine;
    private final MailConfig config;

    public MailMessages(Engine engine, MailConfig config) {
        this.engine = engine;
        this.config = config;
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

    private void record(String kind, Event event, Registration r, String cancelToken, String calendar) {
        Map<String, Object> data = data(event, r, cancelToken);
        Template text = template(kind, "txt");
        OutboxMail mail = new OutboxMail();
        mail.id = UUID.randomUUID();
        mail.kind = kind;
        mail.registrationId = r.id;
        mail.recipient = r.email;
        mail.subject = text.getFragment("subject").data(data).render().strip();
        mail.text = text.data(data).render().stripLeading();
        mail.html = template(kind, "html").data(data).render();
        if (calendar != null) {
            mail.attachments.add(new OutboxMail.Attachment("event.ics", CALENDAR_TYPE,
                    calendar.getBytes(StandardCharsets.UTF_8)));
        }
        mail.persist();
    }

    private Map<String, Object> data(Event event, Registration r, String cancelToken) {
        Locale locale = Locale.forLanguageTag(config.language());
        ZoneId zone = ZoneId.of(event.timeZone);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        String base = config.publicUrl().replaceAll("/+$", "");
        Map<String, Object> data = new HashMap<>();
        data.put("name", r.name);
        data.put("title", event.title);
        data.put("when", day.format(event.startsAt.atZone(zone)) + "–" + time.format(event.endsAt.atZone(zone))
                + " (" + event.timeZone + ")");
        data.put("venue", event.venue);
        data.put("onlineUrl", event.onlineUrl);
        data.put("eventUrl", base + "/api/events/" + event.id);
        data.put("calendarUrl", base + "/api/events/" + event.id + "/calendar.ics");
        data.put("cancelUrl", base + "/api/events/" + event.id + "/registrations/" + r.id);
        data.put("cancelToken", cancelToken);
        return data;
    }

    private Template template(String kind, String suffix) {
        Template template = engine.getTemplate("mail/" + config.language() + "/" + kind + "." + suffix);
        if (template == null) {
            template = engine.getTemplate("mail/" + FALLBACK_LANGUAGE + "/" + kind + "." + suffix);
        }
        if (template == null) {
            throw new IllegalStateException("no mail template " + kind + "." + suffix);
        }
        return template;
    }
}
