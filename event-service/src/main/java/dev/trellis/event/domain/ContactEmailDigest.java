package dev.trellis.event.domain;

import dev.trellis.platform.audit.NotAudited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The digest of a contact's email address as partner-service last published it (contracts'
 * {@code ContactRegistered.emailSha256}); the address itself never reaches this service. A partner user may
 * register its own contact only under the address whose digest this is.
 */
@NotAudited
@Entity
@Table(name = "contact_email_digest")
public class ContactEmailDigest extends PanacheEntityBase {
    @Id
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "email_sha256", nullable = false)
    public String emailSha256;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
