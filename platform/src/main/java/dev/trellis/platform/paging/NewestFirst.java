package dev.trellis.platform.paging;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A page of a log table read with plain JDBC, newest first and keyset-paged by (time, id): the audit trail and the
 * retention run log. Conditions are added only for the filters given; the cursor holds the last row's time and id.
 *
 * @param <T> a row
 */
public final class NewestFirst<T> {
    /** Reads one row of the result (columns in the order of the select). */
    public interface Row<T> {
        T read(ResultSet result) throws SQLException, IOException;
    }

    private final StringBuilder sql;
    private final String timeColumn;
    private final List<Object> values = new ArrayList<>();

    /** @param select {@code select … from table}, without a where clause */
    public NewestFirst(String select, String timeColumn) {
        this.sql = new StringBuilder(select).append(" where true");
        this.timeColumn = timeColumn;
    }

    /** Adds {@code and <condition>} with one parameter, unless the value is null (no filter). */
    public NewestFirst<T> where(String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            values.add(value);
        }
        return this;
    }

    /** Rows from this instant (inclusive) and before that one (exclusive); null for either is open. */
    public NewestFirst<T> between(Instant from, Instant to) {
        where(timeColumn + " >= ?", from == null ? null : Timestamp.from(from));
        return where(timeColumn + " < ?", to == null ? null : Timestamp.from(to));
    }

    /** The requested page; {@code time} and {@code id} give a row's keys for the next page's cursor. */
    public Page<T> page(DataSource dataSource, PageRequest page, Row<T> row, Function<T, Instant> time,
            Function<T, UUID> id) throws SQLException, IOException {
        Cursor cursor = page.decodedCursor(2);
        if (cursor != null) {
            sql.append(" and (").append(timeColumn).append(", id) < (?, ?)");
            values.add(Timestamp.from(cursor.instant(0)));
            values.add(cursor.uuid(1));
        }
        sql.append(" order by ").append(timeColumn).append(" desc, id desc limit ").append(page.fetchSize());
        List<T> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
        }
        return Page.of(rows, page, r -> Cursor.of(time.apply(r), id.apply(r)), r -> r);
    }
}
