package dev.trellis.contracts.advisory;

import java.util.UUID;

/**
 * One company group's seats on a board.
 *
 * @param groupId the group: its parent partner, or the partner itself when it has none
 * @param seats   seats held for it today
 * @param cap     the most seats the board's company-group cap allows it; null when the policy has no such cap
 */
public record GroupSeats(UUID groupId, int seats, Integer cap) {
}
