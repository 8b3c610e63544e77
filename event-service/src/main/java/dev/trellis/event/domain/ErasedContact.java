package dev.trellis.event.domain;

import dev.trellis.platform.audit.NotAudited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A contact partner-service erased: only the id is kept, so later events about it can be ignored. */
@NotAudited
@Entity
@Table(name = "erased_contact")
public class ErasedContact extends PanacheEntityBase {
    @Id
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;

    public static boolean isErased(UUID contactId) {
        return findById(contactId) != null;
    }
}
