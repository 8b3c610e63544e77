package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.BoardKind;
import dev.trellis.platform.csv.CsvTable;
import java.util.UUID;

public record BoardResponse(UUID id, String name, BoardKind kind) {
    /** The boards list as CSV. */
    public static final CsvTable<BoardResponse> CSV = CsvTable.<BoardResponse>named("boards")
            .column("id", BoardResponse::id).column("name", BoardResponse::name).column("kind", BoardResponse::kind);

    public static BoardResponse of(Board board) {
        return new BoardResponse(board.id, board.name, board.kind);
    }
}
