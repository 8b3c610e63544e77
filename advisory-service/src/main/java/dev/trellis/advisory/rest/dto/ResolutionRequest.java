package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.Vote;
import dev.trellis.advisory.service.command.Ballot;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A resolution and the votes of the voting members present. */
@Schema(examples = "{\"title\":\"Approve the 2027 budget\",\"votes\":[{\"seatId\":\"0b8c7a0e-1f5e-4c1a-9d3e-2a6b8c9d0e1f\",\"vote\":\"YES\"}]}")
public record ResolutionRequest(
        @Schema(example = "Approve the 2027 budget") @NotBlank @Size(max = 300) String title,
        @NotNull @Size(max = 500) List<@Valid @NotNull Line> votes) {
    public record Line(@NotNull UUID seatId, @NotNull Vote vote) {
    }

    public Ballot toCommand() {
        return new Ballot(title.strip(), votes.stream().map(l -> new Ballot.Line(l.seatId(), l.vote())).toList());
    }
}
