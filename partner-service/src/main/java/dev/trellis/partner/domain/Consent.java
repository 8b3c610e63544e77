package dev.trellis.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One consent decision of a contact for a purpose. Append-only; the latest per purpose is the state. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "contact_id", nullable = false)
    public UUID contactId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;
    @Column(nullable = false)
    public boolean granted;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentSource source;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
    /** {@link ConsentActor#kind()}: staff, subject, import or system. */
    @Column(name = "actor_kind", nullable = false)
    public String actorKind;
    /** The staff user's name; null for the subject, an import or the system. */
    public String actor;

    public ConsentActor actor() {
        return new ConsentActor(actorKind, actor);
    }
}
