package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.SeatFlag;
import dev.trellis.advisory.domain.SeatStatus;
import java.util.List;

/** A seat with the policy's open flags on it, the name of the partner it is held for (null if none or unknown), and its status today. */
public record SeatView(Seat seat, List<SeatFlag> flags, String partnerName, SeatStatus status) {
    public SeatView {
        flags = List.copyOf(flags);
    }
}
