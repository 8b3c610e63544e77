package dev.trellis.contracts.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * The community team invited a partner's employee to the partner portal (a Keycloak user with realm role
 * {@code partner} and this {@code partner_id}). Key: {@code partnerId}. Carries no name, email or password.
 *
 * @param partnerId the partner (organisation) the user belongs to
 * @param userId    the user's id in Keycloak
 * @param invitedBy the staff member who invited the user (username)
 * @param invitedAt when the user was created
 */
public record PortalUserInvited(UUID partnerId, UUID userId, String invitedBy, Instant invitedAt) {

    public static final String TYPE = "dev.trellis.partner.portal-user-invited.v1";
}
