package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.service.WhatIfService;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Per board, the rules its seats would break after the changes; {@code isNew}: the board as it stands breaks it not. */
public record WhatIfResponse(LocalDate asOf, List<BoardLine> boards) {

    public record BoardLine(UUID boardId, String boardName, boolean affected, List<FindingLine> findings) {
    }

    public record FindingLine(UUID seatId, String rule, String reasonCode, String detail, boolean isNew) {
    }

    public static WhatIfResponse of(LocalDate asOf, List<WhatIfService.BoardOutcome> outcomes) {
        return new WhatIfResponse(asOf, outcomes.stream().map(b -> new BoardLine(b.board().id, b.board().name, b.affected(),
                b.findings().stream().map(o -> new FindingLine(o.finding().seatId(), o.finding().rule(), o.finding().reasonCode(),
                        o.finding().detail(), o.isNew())).toList())).toList());
    }
}
