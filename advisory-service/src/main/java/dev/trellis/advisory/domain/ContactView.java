package dev.trellis.advisory.domain;

import dev.trellis.platform.audit.NotAudited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person partner-service registered, or erased: the id and nothing personal. */
@NotAudited
@Entity
@Table(name = "contact_view")
public class ContactView extends PanacheEntityBase {
    @Id
    @Column(name = "contact_id")
    public UUID contactId;
    /** When partner-service erased the contact; an erased contact never comes back. */
    @Column(name = "erased_at")
    public Instant erasedAt;
    /** Not from contact-registered (a holder seated before contacts were kept, a person an affiliation names, a demo person). */
    @Column(nullable = false)
    public boolean assumed;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean erased() {
        return erasedAt != null;
    }
}
