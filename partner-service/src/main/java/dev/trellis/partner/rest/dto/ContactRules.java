package dev.trellis.partner.rest.dto;

/** Input rules shared by the contact request records. */
final class ContactRules {
    /** Beyond {@code @Email}'s own syntax: a dot in the domain, no spaces. */
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    static final String PHONE = "^\\+?[0-9 ()./-]{3,40}$";
    static final String PHONE_MESSAGE = "must be a phone number: digits, spaces, ( ) . / - and an optional leading +";
    static final String NO_CONTROL = "^[^\\p{Cntrl}]*$";
    static final String NO_CONTROL_MESSAGE = "must not contain control characters";

    private ContactRules() {
    }
}
