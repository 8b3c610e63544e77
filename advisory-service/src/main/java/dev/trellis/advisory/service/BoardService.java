package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.BoardKind;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class BoardService {

    @Transactional
    public List<Board> list(PageRequest page) {
        Cursor after = page.decodedCursor(2);
        if (after == null) {
            return Board.find("order by lower(name), id").page(0, page.fetchSize()).list();
        }
        return Board.find("(lower(name), id) > (:name, :id) order by lower(name), id",
                Parameters.with("name", after.key(0)).and("id", after.uuid(1))).page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(Board board) {
        return Cursor.of(board.name.toLowerCase(Locale.ROOT), board.id);
    }

    @Transactional
    public Board create(UUID id, String name, BoardKind kind) {
        if (Board.count("lower(name)", name.toLowerCase(Locale.ROOT)) > 0) {
            throw ProblemException.conflict("duplicate-board", "Board exists", "A board named '" + name + "' exists already");
        }
        Board board = new Board();
        board.id = id;
        board.name = name;
        board.kind = kind;
        board.persist();
        return board;
    }

    /** Creates a board with a known id unless it exists; for the demo data. */
    @Transactional
    public void createIfAbsent(UUID id, String name, BoardKind kind) {
        if (Board.findById(id) == null) {
            create(id, name, kind);
        }
    }

    @Transactional
    public Board get(UUID id) {
        return Board.<Board>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Board", id));
    }
}
