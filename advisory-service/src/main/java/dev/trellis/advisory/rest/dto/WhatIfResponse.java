package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.service.WhatIfService;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Per board, the rules its seats would break after the changes; {@code isNew}: the board as it stands breaks it not. */
public record WhatIfResponse(LocalDate asOf,
        @Schema(description = "Every board, at most 1000", maxItems = 1000) List<BoardLine> boards) {

    public record BoardLine(UUID boardId, @Schema(maxLength = 200) String boardName, boolean affected,
            @Schema(description = "At most 1000", maxItems = 1000) List<FindingLine> findings) {
    }

    public record FindingLine(UUID seatId, @Schema(maxLength = 60) String rule, @Schema(maxLength = 60) String reasonCode,
            @Schema(maxLength = 500) String detail, boolean isNew) {
    }

    public static WhatIfResponse of(LocalDate asOf, List<WhatIfService.BoardOutcome> outcomes) {
        return new WhatIfResponse(asOf, outcomes.stream().limit(1000).map(b -> new BoardLine(b.board().id, b.board().name, b.affected(),
                b.findings().stream().limit(1000).map(o -> new FindingLine(o.finding().seatId(), o.finding().rule(), o.finding().reasonCode(),
                        o.finding().detail(), o.isNew())).toList())).toList());
    }
}
