package dev.trellis.partner.service.command;

/** Add a contact. The email must not belong to another contact (compared case-insensitively). */
public record NewContact(String firstName, String lastName, String email, String phone, String jobTitle) {
}
