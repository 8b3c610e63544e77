package dev.trellis.contracts.advisory;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who holds a board's seats changed: the seats held today per company group, against the board's
 * company-group cap. Published after an appointment, a vacancy, a policy change or a re-check whenever the
 * groups' counts or caps differ from the last published. Key: {@code boardId}.
 *
 * @param boardId   the board or committee
 * @param boardName its name
 * @param asOf      the day the composition is of
 * @param seatsHeld seats held that day, personal ones included
 * @param groups    each company group holding seats, largest first; a seat counts for the group of its
 *                  holder's current employer, else of the partner it is held for (a personal seat of a holder
 *                  employed by no known partner counts for none)
 * @param entitlements each member entitled that day to tier-appointed seats of its own (a tier with a number of
 *                  seats per member, CNCF Platinum), with the seats it fills, by partner id; a seat a tier's members
 *                  share (one per N members) is nobody's own and is not listed. Null in events sent before it was
 *                  carried: a consumer then knows nothing of the board's entitlements
 */
public record BoardCompositionChanged(
        UUID boardId,
        String boardName,
        LocalDate asOf,
        int seatsHeld,
        List<GroupSeats> groups,
        List<PartnerEntitlement> entitlements) {

    public static final String TYPE = "dev.trellis.advisory.board-composition-changed.v1";

    /** As sent before entitlements were carried. */
    public BoardCompositionChanged(UUID boardId, String boardName, LocalDate asOf, int seatsHeld, List<GroupSeats> groups) {
        this(boardId, boardName, asOf, seatsHeld, groups, null);
    }
}
