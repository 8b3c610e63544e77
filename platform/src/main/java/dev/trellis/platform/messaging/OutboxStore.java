package dev.trellis.platform.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The relay's access to the outbox table.
 *
 * <p>Only the relay that holds the <em>lease</em> publishes: a session-level PostgreSQL advisory lock,
 * held on a connection that the lease keeps open. Two instances of a service therefore never publish
 * the same rows at once, nor interleave an aggregate's events; if the leader dies, its connection closes,
 * the lock is released and another instance takes over. No database transaction stays open while the
 * relay waits for Kafka.
 */
@ApplicationScoped
public class OutboxStore {
    private static final Logger LOG = Logger.getLogger(OutboxStore.class);
    /** Advisory-lock class and key of "the relay of this database that publishes". */
    static final int RELAY_LOCK_CLASS = 0x7e11_0002;
    static final int RELAY_LOCK_KEY = 1;

    private final AgroalDataSource dataSource;

    public OutboxStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Tries to become the publishing relay. @return the lease, or empty if another relay holds it */
    public Optional<Lease> tryLease() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, RELAY_LOCK_CLASS);
                lock.setInt(2, RELAY_LOCK_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new Lease(connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot reach the outbox table", e);
        }
    }

    /** Rows not yet published; for health checks, metrics and tests. */
    public long unpublishedCount() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from outbox_event where published_at is null");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the outbox", e);
        }
    }

    /** How long the oldest unpublished row has waited, or zero when every row is published. */
    public Duration oldestUnpublishedAge() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select coalesce(extract(epoch from now() - min(occurred_at)), 0) from outbox_event where published_at is null");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return Duration.ofMillis(Math.max(0, Math.round(rs.getDouble(1) * 1000)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing an outbox connection failed", e);
            }
        }
    }

    /** The right to publish, for as long as its connection lives. */
    public static final class Lease implements AutoCloseable {
        private final Connection connection;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        /** False once the connection (and with it the lock) is gone. */
        public boolean valid() {
            try {
                return connection.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        }

        /** The oldest unpublished rows, in sequence order. */
        public List<OutboxMessage> pending(int limit) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement("""
                    select seq, id, topic, aggregate_id, type, source, occurred_at, data, traceparent, tracestate
                    from outbox_event where published_at is null order by seq limit ?
                    """)) {
                s.setInt(1, limit);
                List<OutboxMessage> rows = new ArrayList<>(limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new OutboxMessage(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                                rs.getString(8), new TraceContext(rs.getString(9), rs.getString(10))));
                    }
                }
                return rows;
            }
        }

        public void markPublished(List<OutboxMessage> messages) throws SQLException {
            if (messages.isEmpty()) {
                return;
            }
            Array seqs = connection.createArrayOf("bigint", messages.stream().map(OutboxMessage::seq).toArray());
            try (PreparedStatement s = connection.prepareStatement(
                    "update outbox_event set published_at = now() where seq = any(?)")) {
                s.setArray(1, seqs);
                s.executeUpdate();
            }
        }

        public void recordFailure(OutboxMessage message, Exception failure) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(
                    "update outbox_event set attempts = attempts + 1, last_error = ? where seq = ?")) {
                s.setString(1, String.valueOf(failure));
                s.setLong(2, message.seq());
                s.executeUpdate();
            }
        }

        /** Releases the lock and returns the connection. */
        @Override
        public void close() {
            try (PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                s.setInt(1, RELAY_LOCK_CLASS);
                s.setInt(2, RELAY_LOCK_KEY);
                s.execute();
            } catch (SQLException e) {
                LOG.debug("releasing the relay lock failed; closing the connection releases it", e);
            }
            closeQuietly(connection);
        }
    }
}
