package dev.trellis.event.domain;

import dev.trellis.platform.audit.AuditMasked;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A public sign-up for an event, held until its address is confirmed (double opt-in). It takes no seat: only the
 * registration that confirming makes does.
 */
@Entity
@Table(name = "sign_up")
@AuditMasked({"name", "tokenHash", "clientAddress"})
public class SignUp extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String email;
    @Column(name = "client_address", nullable = false)
    public String clientAddress;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SignUpStatus status;
    /** SHA-256 of the link's secret; null for a {@link SignUpStatus#NOTICE}. */
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    @Column(name = "registration_id")
    public UUID registrationId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Whether its link still confirms at {@code now}. */
    public boolean confirmable(Instant now) {
        return status == SignUpStatus.PENDING && now.isBefore(expiresAt);
    }
}
