package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.BoardKind;
import java.util.UUID;

public record BoardResponse(UUID id, String name, BoardKind kind) {
    public static BoardResponse of(Board board) {
        return new BoardResponse(board.id, board.name, board.kind);
    }
}
