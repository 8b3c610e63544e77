package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.service.WhatIfService;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Per board, the rules its seats would break after the changes; {@code isNew}: the board as it stands breaks it not. */
public record WhatIfResponse(LocalDate asOf, List<BoardLine> boards) {

    public record BoardLine(UUID boardId, @Schema(maxLength = 200) String boardName, boolean affected, List<FindingLine> findings) {
    }

    public record FindingLine(UUID seatId, @Schema(maxLength = 60) String rule, @Schema(maxLength = 60) String reasonCode,
            @Schema(maxLength = 500) String detail, boolean isNew) {
    }

    public static WhatIfResponse of(LocalDate asOf, List<WhatIfService.BoardOutcome> outcomes) {
        return new WhatIfResponse(asOf, outcomes.stream().map(b -> new BoardLine(b.board().id, b.board().name, b.affected(),
                b.findings().stream().map(o -> new FindingLine(o.finding().seatId(), o.finding().rule(), o.finding().reasonCode(),
                        o.finding().detail(), o.isNew())).toList())).toList());
    }
}
