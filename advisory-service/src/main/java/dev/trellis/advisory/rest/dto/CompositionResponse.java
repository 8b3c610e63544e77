package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.BoardKind;
import dev.trellis.advisory.service.CompositionService;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A board's public composition: its name and the companies holding seats today. */
public record CompositionResponse(UUID boardId, @Schema(maxLength = 200) String name, BoardKind kind,
        @Schema(description = "At most 1000, the most seats first as published", maxItems = 1000) List<Company> companies) {
    public record Company(UUID partnerId, @Schema(maxLength = 200) String name,
            @Schema(description = "Seats the company holds today", minimum = "1", maximum = "2147483647") int seats) {
    }

    public static CompositionResponse of(CompositionService.Composition c) {
        return new CompositionResponse(c.board().id, c.board().name, c.board().kind,
                c.companies().stream().limit(1000).map(x -> new Company(x.partnerId(), x.name(), x.seats())).toList());
    }
}
