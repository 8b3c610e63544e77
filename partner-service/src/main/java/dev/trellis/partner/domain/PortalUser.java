package dev.trellis.partner.domain;

import java.time.Instant;

/**
 * A partner employee's account on the partner portal. It lives in Keycloak (realm role {@code partner},
 * attribute {@code partner_id}), not in this service's database.
 */
public record PortalUser(String id, String username, String firstName, String lastName, boolean enabled,
        Instant createdAt) {
}
