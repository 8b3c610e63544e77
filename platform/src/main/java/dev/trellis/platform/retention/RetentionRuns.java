package dev.trellis.platform.retention;

import dev.trellis.platform.paging.NewestFirst;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
        try {
            return new NewestFirst<RetentionRunEntry>("""
                    select id, run_at, category, action, retain_for, cutoff, affected, error
                    from retention_run""", "run_at")
                    .where("category = ?", filter.category())
                    .between(filter.from(), filter.to())
                    .page(dataSource, page, RetentionRuns::entry, RetentionRunEntry::runAt, RetentionRunEntry::id);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the retention run log", e);
        }
    }

    private static RetentionRunEntry entry(ResultSet result) throws SQLException {
        String error = result.getString(8);
        return new RetentionRunEntry(result.getObject(1, UUID.class), result.getTimestamp(2).toInstant(),
                result.getString(3), result.getString(4), result.getString(5), result.getTimestamp(6).toInstant(),
                result.getLong(7), error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR));
    }
}
