package dev.trellis.partner.domain;

/** A freshly invited portal user and the one-time password staff pass on; it is never stored or shown again. */
public record PortalInvitation(PortalUser user, String temporaryPassword) {
}
