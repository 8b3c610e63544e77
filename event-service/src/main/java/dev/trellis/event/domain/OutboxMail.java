package dev.trellis.event.domain;

import dev.trellis.platform.audit.NotAudited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A mail to send (table {@code mail_outbox}, V7 and V10), recorded in the transaction of the change that causes it
 * by platform's {@code MailOutbox}; this mapping serves the queries and deletes of event-service's own rows. Status,
 * attempts and times are the database's defaults and the relay's to change.
 */
@NotAudited
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String kind;
    /** The registration it is about (the generic column {@code reference_id}); null for the sign-up mails. */
    @Column(name = "reference_id")
    public UUID registrationId;
    @Column(nullable = false)
    public String recipient;
    @Column(nullable = false)
    public String subject;
    @Column(name = "body_text", nullable = false)
    public String text;
    @Column(name = "body_html", nullable = false)
    public String html;
    @ElementCollection
    @CollectionTable(name = "mail_attachment", joinColumns = @JoinColumn(name = "mail_id"))
    @OrderColumn(name = "position")
    public List<Attachment> attachments = new ArrayList<>();

    /** A file sent with the mail. */
    @Embeddable
    public static class Attachment {
        @Column(name = "file_name", nullable = false)
        public String fileName;
        @Column(name = "content_type", nullable = false)
        public String contentType;
        @Column(nullable = false)
        public byte[] content;

        protected Attachment() {
        }

        public Attachment(String fileName, String contentType, byte[] content) {
            this.fileName = fileName;
            this.contentType = contentType;
            this.content = content;
        }
    }
}
