package dev.trellis.contracts.advisory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A contact was assigned to a board seat. Key: {@code boardId}.
 *
 * @param boardId         the board or committee
 * @param seatId          the seat
 * @param seatKind        how the seat is filled
 * @param holderContactId the contact holding the seat
 * @param partnerId       the partner on whose behalf the seat is held; null for a seat held in a
 *                        personal capacity
 * @param termStart       first day of the holder's term
 * @param termEnd         last day of the holder's term; null for a seat without a fixed term
 */
public record SeatAssigned(
        UUID boardId,
        UUID seatId,
        SeatKind seatKind,
        UUID holderContactId,
        UUID partnerId,
        LocalDate termStart,
        LocalDate termEnd) {

    public static final String TYPE = "dev.trellis.advisory.seat-assigned.v1";
}
