package dev.trellis.advisory.domain;

import dev.trellis.platform.persistence.Created;
import dev.trellis.platform.security.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A user's private feed of one board's meetings: a secret address a calendar application subscribes to without a
 * token. Only the SHA-256 of the secret is kept. The owner's rights when it was made are kept as well, and the
 * feed shows what the owner may see with them; revoking it ends the address for good.
 */
@Entity
@Table(name = "calendar_subscription")
public class CalendarSubscription extends Created {
    @Id
    public UUID id;
    @Column(name = "board_id", nullable = false)
    public UUID boardId;
    @Column(name = "secret_hash", nullable = false, unique = true)
    public String secretHash;
    @Column(name = "owner_subject", nullable = false)
    public String ownerSubject;
    @Column(name = "owner_username", nullable = false)
    public String ownerUsername;
    /** The owner's Trellis roles, comma-separated. */
    @Column(name = "owner_roles", nullable = false)
    public String ownerRoles;
    @Column(name = "owner_partner_id")
    public UUID ownerPartnerId;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    @Column(name = "last_fetched_at")
    public Instant lastFetchedAt;

    /** The owner as the feed acts for them: with the rights they had when they made it. */
    public Caller owner() {
        Set<String> roles = Arrays.stream(ownerRoles.split(",")).filter(r -> !r.isBlank()).collect(Collectors.toSet());
        return new Caller(ownerSubject, ownerUsername, roles, ownerPartnerId);
    }

    public boolean ownedBy(Caller caller) {
        return caller.subject() != null && caller.subject().equals(ownerSubject);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
