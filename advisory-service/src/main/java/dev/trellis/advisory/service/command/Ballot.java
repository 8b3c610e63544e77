package dev.trellis.advisory.service.command;

import dev.trellis.advisory.domain.Vote;
import dev.trellis.platform.domain.InvalidInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A resolution put to a meeting, with the votes of the voting members present, per seat. */
public record Ballot(String title, List<Line> votes) {
    public record Line(UUID seatId, Vote vote) {
    }

    public Ballot {
        votes = List.copyOf(votes);
    }

    /** @throws InvalidInput on {@code votes} when a seat votes twice */
    public Map<UUID, Vote> bySeat() {
        Map<UUID, Vote> bySeat = new LinkedHashMap<>();
        for (Line line : votes) {
            if (bySeat.put(line.seatId(), line.vote()) != null) {
                throw InvalidInput.field("votes", "seat " + line.seatId() + " votes twice");
            }
        }
        return bySeat;
    }
}
