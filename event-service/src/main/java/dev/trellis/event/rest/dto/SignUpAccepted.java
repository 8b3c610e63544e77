package dev.trellis.event.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one answer to every accepted sign-up, whatever the address: the mail says what happened. */
public record SignUpAccepted(@Schema(example = "CHECK_YOUR_MAIL") String status, String detail) {
    public static final SignUpAccepted CHECK_YOUR_MAIL = new SignUpAccepted("CHECK_YOUR_MAIL",
            "We have sent a mail to the address given. Follow its link to confirm the registration.");
}
