package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.BoardKind;
import dev.trellis.advisory.service.command.NewBoard;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record BoardRequest(@NotBlank @Size(max = 200) String name, @NotNull BoardKind kind) {
    public NewBoard toCommand() {
        return new NewBoard(name.strip(), kind);
    }
}
