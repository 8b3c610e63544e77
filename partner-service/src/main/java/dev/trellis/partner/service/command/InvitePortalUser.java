package dev.trellis.partner.service.command;

/** Invite a partner's employee to the partner portal; the email becomes the username (lower-case). */
public record InvitePortalUser(String email, String firstName, String lastName) {
}
