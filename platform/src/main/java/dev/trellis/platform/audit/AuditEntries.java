package dev.trellis.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.platform.paging.NewestFirst;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        try {
            return new NewestFirst<AuditEntry>("""
                    select id, occurred_at, actor_kind, actor, entity_type, entity_id, action, changes, request_id
                    from audit_entry""", "occurred_at")
                    .where("entity_type = ?", filter.entityType())
                    .where("entity_id = ?", filter.entityId())
                    .where("actor = ?", filter.actor())
                    .between(filter.from(), filter.to())
                    .page(dataSource, page, this::entry, AuditEntry::occurredAt, AuditEntry::id);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the audit trail", e);
        }
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
                    rows.add(entry(result));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the audit trail", e);
        }
        return rows;
    }

    private AuditEntry entry(ResultSet result) throws SQLException, JsonProcessingException {
        return new AuditEntry(result.getObject(1, UUID.class), result.getTimestamp(2).toInstant(), result.getString(3),
                result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                json.readTree(result.getString(8)), result.getString(9));
    }
}
