package dev.trellis.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads the audit trail: newest first, keyset-paged by (occurred_at, id). */
@ApplicationScoped
public class AuditEntries {
    private final DataSource dataSource;
    private final ObjectMapper json;

    public AuditEntries(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Filters; null means any. {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(String entityType, String entityId, String actor, Instant from, Instant to) {
    }

    public Page<AuditEntry> list(Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, actor_kind, actor, entity_type, entity_id, action, changes, request_id
                from audit_entry where true""");
        List<Object> values = new ArrayList<>();
        condition(sql, values, " and entity_type = ?", filter.entityType());
        condition(sql, values, " and entity_id = ?", filter.entityId());
        condition(sql, values, " and actor = ?", filter.actor());
        condition(sql, values, " and occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, values, " and occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        Cursor cursor = page.decodedCursor(2);
        if (cursor != null) {
            sql.append(" and (occurred_at, id) < (?, ?)");
            values.add(Timestamp.from(cursor.instant(0)));
            values.add(cursor.uuid(1));
        }
        sql.append(" order by occurred_at desc, id desc limit ").append(page.fetchSize());
        List<AuditEntry> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new AuditEntry(result.getObject(1, UUID.class), result.getTimestamp(2).toInstant(),
                            result.getString(3), result.getString(4), result.getString(5), result.getString(6),
                            result.getString(7), json.readTree(result.getString(8)), result.getString(9)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the audit trail", e);
        }
        return Page.of(rows, page, row -> Cursor.of(row.occurredAt(), row.id()), row -> row);
    }

    /**
     * The entries about these records (entity type to ids), newest first, at most {@code max}: what the trail
     * holds about one person, for a subject-access export.
     */
    public List<AuditEntry> about(Map<String, ? extends Collection<String>> idsByType, int max) {
        List<AuditEntry> rows = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, actor_kind, actor, entity_type, entity_id, action, changes, request_id
                from audit_entry where false""");
        List<Object[]> conditions = new ArrayList<>();
        idsByType.forEach((type, ids) -> {
            if (!ids.isEmpty()) {
                sql.append(" or (entity_type = ? and entity_id = any (?))");
                conditions.add(new Object[] {type, ids.toArray(String[]::new)});
            }
        });
        if (conditions.isEmpty()) {
            return rows;
        }
        sql.append(" order by occurred_at desc, id desc limit ").append(max);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Object[] condition : conditions) {
                query.setString(index++, (String) condition[0]);
                query.setArray(index++, connection.createArrayOf("text", (Object[]) condition[1]));
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new AuditEntry(result.getObject(1, UUID.class), result.getTimestamp(2).toInstant(),
                            result.getString(3), result.getString(4), result.getString(5), result.getString(6),
                            result.getString(7), json.readTree(result.getString(8)), result.getString(9)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the audit trail", e);
        }
        return rows;
    }

    private static void condition(StringBuilder sql, List<Object> values, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            values.add(value);
        }
    }
}
