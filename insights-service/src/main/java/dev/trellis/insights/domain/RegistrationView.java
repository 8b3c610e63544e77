package dev.trellis.insights.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A registration as event-service's events describe it: its email's domain (never the address), the company
 * snapshot, the contact (null for a guest, or once partner-service erased it), the status, whether the registrant
 * attended, and when it was last heard of.
 */
@Entity
@Table(name = "registration_view")
public class RegistrationView extends PanacheEntityBase {
    @Id
    @Column(name = "registration_id")
    public UUID registrationId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "partner_id")
    public UUID partnerId;
    @Column(name = "email_domain")
    public String emailDomain;
    public String status;
    @Column(nullable = false)
    public boolean attended;
    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;
}
