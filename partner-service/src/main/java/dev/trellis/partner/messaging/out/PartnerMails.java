package dev.trellis.partner.messaging.out;

import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.domain.Membership;
import dev.trellis.partner.domain.Partner;
import dev.trellis.contracts.advisory.BoardMeetingScheduled;
import dev.trellis.platform.ical.CalendarEntry;
import dev.trellis.platform.ical.ICalendar;
import dev.trellis.platform.mail.MailAttachment;
import dev.trellis.platform.mail.MailOutbox;
import dev.trellis.platform.mail.MailTemplates;
import dev.trellis.platform.mail.OutgoingMail;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * partner-service's mails, rendered from {@code templates/mail/<language>/<kind>.txt} and {@code .html} (platform's
 * {@link MailTemplates}) and recorded in {@code mail_outbox} in the caller's transaction ({@link MailOutbox}); the
 * platform's MailRelay sends what was committed. Nothing of them goes onto Kafka.
 */
@ApplicationScoped
public class PartnerMails {
    public static final String RENEWAL = "membership-renewal";
    public static final String DIGEST = "next-steps-digest";
    public static final String BOARD_INVITATION = "board-meeting-invitation";
    /** RFC 8058: the mail client POSTs this body to the List-Unsubscribe address. */
    static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final MailTemplates templates;
    private final MailOutbox outbox;

    public PartnerMails(MailTemplates templates, MailOutbox outbox) {
        this.templates = templates;
        this.outbox = outbox;
    }

    /** The address that withdraws a consent purpose with a token ({@code POST}, RFC 8058; {@code GET} shows a page). */
    public String unsubscribeUrl(String token) {
        return templates.publicUrl() + "/api/contacts/unsubscribe?token=" + token;
    }

    /**
     * A membership's term ends in {@code daysLeft} days: to one of its billing or primary contacts, who consented to
     * renewal reminders; the unsubscribe link withdraws that consent in one click.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void renewalReminder(Membership membership, Partner partner, Contact contact, long daysLeft,
            String unsubscribeToken) {
        Map<String, Object> data = new HashMap<>();
        data.put("name", contact.firstName);
        data.put("partner", partner.name);
        data.put("tier", membership.tier);
        data.put("termEnd", DateTimeFormatter.ofPattern("d MMMM yyyy", templates.locale()).format(membership.termEnd));
        data.put("daysLeft", daysLeft);
        data.put("autoRenew", membership.autoRenew);
        String unsubscribe = unsubscribeUrl(unsubscribeToken);
        data.put("unsubscribeUrl", unsubscribe);
        outbox.record(OutgoingMail.of(RENEWAL, membership.id, contact.email, templates.render(RENEWAL, data))
                .withHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .withHeader("List-Unsubscribe-Post", ONE_CLICK));
    }

    /**
     * An invitation to a board meeting, to a seat's holder or alternate, with the meeting's calendar entry (the UID of
     * the board's feed, so a calendar that subscribes to it too keeps one entry). Part of the seat's duties: no
     * consent purpose, no unsubscribe link.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void boardInvitation(BoardMeetingScheduled meeting, Instant scheduledAt, Contact contact, boolean alternate) {
        ZoneId zone = ZoneId.of(meeting.timeZone());
        ZonedDateTime start = meeting.startsAt().atZone(zone);
        ZonedDateTime end = meeting.endsAt().atZone(zone);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", templates.locale());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", templates.locale());
        Map<String, Object> data = new HashMap<>();
        data.put("name", contact.firstName);
        data.put("board", meeting.boardName());
        data.put("title", meeting.title());
        data.put("when", day.format(start) + "–" + time.format(end));
        data.put("timeZone", meeting.timeZone());
        data.put("venue", meeting.venue());
        data.put("onlineUrl", meeting.onlineUrl());
        data.put("alternate", alternate);
        CalendarEntry entry = new CalendarEntry(BoardMeetingScheduled.calendarUid(meeting.meetingId()), start, end,
                meeting.boardName() + ": " + meeting.title(), null, meeting.venue(),
                meeting.onlineUrl() == null ? null : URI.create(meeting.onlineUrl()), false, 0, scheduledAt);
        String calendar = ICalendar.of("-//Trellis//partner-service//EN", meeting.boardName(), List.of(entry)).write();
        outbox.record(OutgoingMail.of(BOARD_INVITATION, meeting.meetingId(), contact.email,
                templates.render(BOARD_INVITATION, data)).withAttachment(MailAttachment.calendar("meeting.ics", calendar)));
    }

    /** One line of the digest: a next step, its partner and when it is due (read by the templates). */
    @TemplateData
    public record DigestLine(String description, String partner, String dueOn) {
    }

    /**
     * A staff member's open next steps due today or overdue on {@code today}: one mail to the address their token
     * named. Internal work mail of the recipient's own job: no consent purpose, no unsubscribe link.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void digest(String username, String email, LocalDate today, List<DigestLine> overdue, List<DigestLine> dueToday) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", templates.locale());
        Map<String, Object> data = new HashMap<>();
        data.put("name", username);
        data.put("today", day.format(today));
        data.put("overdue", overdue);
        data.put("dueToday", dueToday);
        data.put("count", overdue.size() + dueToday.size());
        data.put("worklistUrl", templates.publicUrl() + "/api/touchpoints/next-steps?owner=me&due=OPEN");
        outbox.record(OutgoingMail.of(DIGEST, null, email, templates.render(DIGEST, data)));
    }
}
