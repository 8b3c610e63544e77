package dev.trellis.platform.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A mail to record in {@code mail_outbox} ({@link MailOutbox#record}).
 *
 * @param kind        the template that made it (for logs and operators)
 * @param referenceId what caused it (a registration, a membership ...), so the owner can delete its rows; may be null
 * @param recipient   the address
 * @param content     subject, text and HTML ({@link MailTemplates#render})
 * @param headers     extra headers (List-Unsubscribe ...), in order
 * @param attachments files sent with it, in order
 */
public record OutgoingMail(String kind, UUID referenceId, String recipient, RenderedMail content,
        Map<String, String> headers, List<MailAttachment> attachments) {

    public OutgoingMail {
        headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static OutgoingMail of(String kind, UUID referenceId, String recipient, RenderedMail content) {
        return new OutgoingMail(kind, referenceId, recipient, content, Map.of(), List.of());
    }

    public OutgoingMail withAttachment(MailAttachment attachment) {
        List<MailAttachment> all = new ArrayList<>(attachments);
        all.add(attachment);
        return new OutgoingMail(kind, referenceId, recipient, content, headers, all);
    }

    public OutgoingMail withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new OutgoingMail(kind, referenceId, recipient, content, all, attachments);
    }
}
