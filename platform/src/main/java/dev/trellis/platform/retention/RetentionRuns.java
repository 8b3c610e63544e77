package dev.trellis.platform.retention;

import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads the retention run log: newest first, keyset-paged by (run_at, id). */
@ApplicationScoped
public class RetentionRuns {
    /** The longest error kept on the wire; the table keeps the whole text. */
    static final int MAX_ERROR = 4096;

    private final DataSource dataSource;

    public RetentionRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Filters; null means any. {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(String category, Instant from, Instant to) {
    }

    public Page<RetentionRunEntry> list(Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("""
                select id, run_at, category, action, retain_for, cutoff, affected, error
                from retention_run where true""");
        List<Object> values = new ArrayList<>();
        if (filter.category() != null) {
            sql.append(" and category = ?");
            values.add(filter.category());
        }
        if (filter.from() != null) {
            sql.append(" and run_at >= ?");
            values.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and run_at < ?");
            values.add(Timestamp.from(filter.to()));
        }
        Cursor cursor = page.decodedCursor(2);
        if (cursor != null) {
            sql.append(" and (run_at, id) < (?, ?)");
            values.add(Timestamp.from(cursor.instant(0)));
            values.add(cursor.uuid(1));
        }
        sql.append(" order by run_at desc, id desc limit ").append(page.fetchSize());
        List<RetentionRunEntry> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    String error = result.getString(8);
                    rows.add(new RetentionRunEntry(result.getObject(1, UUID.class), result.getTimestamp(2).toInstant(),
                            result.getString(3), result.getString(4), result.getString(5),
                            result.getTimestamp(6).toInstant(), result.getLong(7),
                            error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the retention run log", e);
        }
        return Page.of(rows, page, row -> Cursor.of(row.runAt(), row.id()), row -> row);
    }
}
