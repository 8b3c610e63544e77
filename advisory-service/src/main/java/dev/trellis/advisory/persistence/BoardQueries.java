package dev.trellis.advisory.persistence;

import dev.trellis.advisory.domain.Board;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/** Boards by name (case-insensitive), then id: keyset pages. */
@ApplicationScoped
public class BoardQueries {

    public Page<Board> page(PageRequest request) {
        Cursor after = request.decodedCursor(2);
        List<Board> fetched;
        if (after == null) {
            fetched = Board.<Board>find("order by lower(name), id").page(0, request.fetchSize()).list();
        } else {
            fetched = Board.<Board>find("(lower(name), id) > (:name, :id) order by lower(name), id",
                    Parameters.with("name", after.key(0)).and("id", after.uuid(1))).page(0, request.fetchSize()).list();
        }
        return Page.of(fetched, request, BoardQueries::cursorOf, b -> b);
    }

    static Cursor cursorOf(Board board) {
        return Cursor.of(board.name.toLowerCase(Locale.ROOT), board.id);
    }
}
