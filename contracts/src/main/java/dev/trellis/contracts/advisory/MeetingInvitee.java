package dev.trellis.contracts.advisory;

import java.util.UUID;

/**
 * One person invited to a board meeting.
 *
 * @param contactId the contact
 * @param seatId    the seat they hold or stand in for
 * @param role      whether they hold the seat or are its alternate
 */
public record MeetingInvitee(UUID contactId, UUID seatId, InviteeRole role) {
}
