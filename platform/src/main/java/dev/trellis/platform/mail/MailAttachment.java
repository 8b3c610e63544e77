package dev.trellis.platform.mail;

import java.nio.charset.StandardCharsets;

/** A file sent with a mail. */
public record MailAttachment(String fileName, String contentType, byte[] content) {
    /** An iCalendar file (an event, a meeting) that calendars add or update. */
    public static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    public static MailAttachment calendar(String fileName, String calendar) {
        return new MailAttachment(fileName, CALENDAR_TYPE, calendar.getBytes(StandardCharsets.UTF_8));
    }
}
