package dev.trellis.platform.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * Records a mail in {@code mail_outbox} (and its files in {@code mail_attachment}) in the caller's transaction: a
 * rollback records nothing, and {@link MailRelay} sends what was committed. The tables are the service's own
 * (event-service V7 and V10, partner-service V16); the personal data in them never goes onto Kafka.
 */
@ApplicationScoped
@IfBuildProperty(name = "trellis.mail.enabled", stringValue = "true")
public class MailOutbox {
    private static final String INSERT = """
            insert into mail_outbox (id, kind, reference_id, recipient, subject, body_text, body_html, headers)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String ATTACHMENT = """
            insert into mail_attachment (mail_id, position, file_name, content_type, content)
            values (?, ?, ?, ?, ?)""";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public MailOutbox(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** @return the row's id (also the left-hand side of the mail's Message-ID) */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(OutgoingMail mail) {
        UUID id = UUID.randomUUID();
        String headers;
        try {
            headers = mail.headers().isEmpty() ? null : json.writeValueAsString(mail.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("mail headers", e);
        }
        // On the session's own connection, so the rows are part of the caller's transaction.
        entityManager.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setObject(1, id);
                s.setString(2, mail.kind());
                s.setObject(3, mail.referenceId(), Types.OTHER);
                s.setString(4, mail.recipient());
                s.setString(5, mail.content().subject());
                s.setString(6, mail.content().text());
                s.setString(7, mail.content().html());
                s.setString(8, headers);
                s.executeUpdate();
            }
            List<MailAttachment> attachments = mail.attachments();
            if (attachments.isEmpty()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement(ATTACHMENT)) {
                for (int i = 0; i < attachments.size(); i++) {
                    MailAttachment a = attachments.get(i);
                    s.setObject(1, id);
                    s.setInt(2, i);
                    s.setString(3, a.fileName());
                    s.setString(4, a.contentType());
                    s.setBytes(5, a.content());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
        return id;
    }
}
