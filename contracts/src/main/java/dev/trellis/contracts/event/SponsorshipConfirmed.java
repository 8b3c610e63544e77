package dev.trellis.contracts.event;

import java.util.UUID;

/**
 * A partner's sponsorship of an event was confirmed. Key: {@code eventId}.
 *
 * @param eventId       the event
 * @param sponsorshipId the sponsorship
 * @param partnerId     the sponsoring partner
 * @param level         sponsorship level code as configured for the event, e.g. {@code DIAMOND};
 *                      an open set, so a String
 * @param amount        exact decimal amount as a string, e.g. {@code "25000.00"}; read it with
 *                      {@code new BigDecimal(amount)}. A String rather than a BigDecimal so that
 *                      no mapper configuration can turn it into a (lossy) JSON number.
 * @param currency      ISO 4217 currency code, e.g. {@code USD}
 */
public record SponsorshipConfirmed(
        UUID eventId,
        UUID sponsorshipId,
        UUID partnerId,
        String level,
        String amount,
        String currency) {

    public static final String TYPE = "dev.trellis.event.sponsorship-confirmed.v1";
}
