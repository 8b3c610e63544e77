package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.persistence.BoardQueries;
import dev.trellis.advisory.service.command.NewBoard;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.UUID;

/** The foundation's boards and committees. */
@ApplicationScoped
public class BoardService {
    private final BoardQueries queries;

    public BoardService(BoardQueries queries) {
        this.queries = queries;
    }

    /** Boards by name, cursor-paged. */
    @Transactional
    public Page<Board> list(PageRequest page) {
        return queries.page(page);
    }

    @Transactional
    public Board create(NewBoard command) {
        return create(UUID.randomUUID(), command);
    }

    /** Creates a board with a known id unless it exists; for the demo data. */
    @Transactional
    public void createIfAbsent(UUID id, NewBoard command) {
        if (Board.findById(id) == null) {
            create(id, command);
        }
    }

    private static Board create(UUID id, NewBoard command) {
        if (Board.count("lower(name)", command.name().toLowerCase(Locale.ROOT)) > 0) {
            throw StateConflict.of("duplicate-board", "Board exists", "A board named '" + command.name() + "' exists already");
        }
        Board board = new Board();
        board.id = id;
        board.name = command.name();
        board.kind = command.kind();
        board.persist();
        return board;
    }

    /** @throws NotFound if there is no such board */
    @Transactional
    public Board get(UUID id) {
        return Board.<Board>findByIdOptional(id).orElseThrow(() -> NotFound.of("Board", id));
    }
}
