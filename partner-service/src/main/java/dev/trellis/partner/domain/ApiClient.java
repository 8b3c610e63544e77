package dev.trellis.partner.domain;

import dev.trellis.platform.audit.AuditMasked;
import dev.trellis.platform.persistence.Created;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A partner's machine client: a confidential Keycloak client (client credentials only) whose tokens carry the realm
 * role {@code partner} and {@code partner_id} = {@link #partnerId}, for the partner's own systems. The client lives
 * in Keycloak; this row records that partner-service registered it for this partner, and holds Keycloak's
 * registration access token for it, with which it is revoked. The secret is never stored.
 */
@Entity
@Table(name = "partner_api_client")
@AuditMasked("registrationToken")
public class ApiClient extends Created {
    @Id
    public UUID id;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    /** Keycloak's {@code clientId}, the {@code client_id} of the token request. */
    @Column(name = "client_id", nullable = false, unique = true)
    public String clientId;
    /** What staff called it, e.g. the partner's system that uses it. */
    @Column(nullable = false)
    public String name;
    /** Never leaves this service. */
    @Column(name = "registration_token", nullable = false)
    public String registrationToken;
    /** The staff username that created it. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
