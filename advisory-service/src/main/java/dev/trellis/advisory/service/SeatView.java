package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.SeatFlag;
import java.util.List;

/** A seat with the policy's open flags on it. */
public record SeatView(Seat seat, List<SeatFlag> flags) {
    public SeatView {
        flags = List.copyOf(flags);
    }
}
