package dev.trellis.contracts.advisory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A seat policy flagged a board seat for staff review, e.g. because the holder changed employer
 * or a company-group cap is exceeded. Key: {@code boardId}.
 *
 * @param boardId         the board or committee
 * @param seatId          the seat
 * @param seatKind        how the seat is filled
 * @param holderContactId the contact holding the seat
 * @param partnerId       the partner on whose behalf the seat is held; null for a seat held in a
 *                        personal capacity
 * @param termStart       first day of the holder's term
 * @param termEnd         last day of the holder's term; null for a seat without a fixed term
 * @param reasonCode      machine-readable reason, upper snake case, e.g. {@code HOLDER_LEFT_PARTNER},
 *                        {@code GROUP_CAP_EXCEEDED}; an open set that grows with the seat policies
 * @param reasonText      human-readable explanation for staff
 */
public record SeatFlagged(
        UUID boardId,
        UUID seatId,
        SeatKind seatKind,
        UUID holderContactId,
        UUID partnerId,
        LocalDate termStart,
        LocalDate termEnd,
        String reasonCode,
        String reasonText) {

    public static final String TYPE = "dev.trellis.advisory.seat-flagged.v1";
}
