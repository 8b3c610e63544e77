package dev.trellis.contracts.advisory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The voting rights of a seat were suspended, e.g. after missing too many meetings in a row.
 * Key: {@code boardId}.
 *
 * @param boardId         the board or committee
 * @param seatId          the seat
 * @param seatKind        how the seat is filled
 * @param holderContactId the contact holding the seat
 * @param partnerId       the partner on whose behalf the seat is held; null for a seat held in a
 *                        personal capacity
 * @param termStart       first day of the holder's term
 * @param termEnd         last day of the holder's term; null for a seat without a fixed term
 * @param effectiveDate   date from which voting is suspended
 * @param reasonCode      machine-readable reason, upper snake case, e.g.
 *                        {@code MISSED_CONSECUTIVE_MEETINGS}; an open set that grows with the seat
 *                        policies
 * @param reasonText      human-readable explanation for staff
 */
public record VotingSuspended(
        UUID boardId,
        UUID seatId,
        SeatKind seatKind,
        UUID holderContactId,
        UUID partnerId,
        LocalDate termStart,
        LocalDate termEnd,
        LocalDate effectiveDate,
        String reasonCode,
        String reasonText) {

    public static final String TYPE = "dev.trellis.advisory.voting-suspended.v1";
}
