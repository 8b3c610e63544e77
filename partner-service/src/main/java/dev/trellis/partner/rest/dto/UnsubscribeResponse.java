package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.Unsubscribes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an unsubscribe link did. */
public record UnsubscribeResponse(
        @Schema(example = "RENEWAL_REMINDERS", maxLength = 40, description = "The consent purpose the link withdraws") String purpose,
        @Schema(example = "UNSUBSCRIBED", enumeration = {"UNSUBSCRIBED", "ALREADY_UNSUBSCRIBED"},
                description = "UNSUBSCRIBED: a withdrawal was recorded now; ALREADY_UNSUBSCRIBED: there was nothing to withdraw")
        String status) {

    public static UnsubscribeResponse of(Unsubscribes.Outcome outcome) {
        return new UnsubscribeResponse(outcome.purpose().name(), outcome.withdrawn() ? "UNSUBSCRIBED" : "ALREADY_UNSUBSCRIBED");
    }
}
