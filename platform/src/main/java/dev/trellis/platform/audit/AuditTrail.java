package dev.trellis.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.platform.security.Callers;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.MDC;

/**
 * The audit trail: who changed what, when, in the service's own {@code audit_entry} table, written in
 * the transaction of the change (a rollback records nothing). Kept apart from the event stream, so the
 * retention of one does not govern the other.
 *
 * <p>Entity changes are recorded by {@link AuditInterceptor} without any call from the services; a
 * change that is no entity of this service's database (a portal user in Keycloak) is recorded with
 * {@link #record}. Several flushes of one entity in one transaction make one entry. Entries are kept per transaction
 * and written at the end of each flush, in batches ({@link #writePending}).
 *
 * <p>The actor is the token of the HTTP request being served; without a request (consumers, sweeps,
 * demo data) it is {@link AuditActor#SYSTEM_ACTOR}.
 */
@ApplicationScoped
public class AuditTrail {
    private static final Object PENDING_KEY = new Object();
    /** The MDC key under which the platform's request filter (http.RequestIds) keeps the request id. */
    static final String REQUEST_ID = "requestId";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean enabled;

    public AuditTrail(DataSource dataSource, ObjectMapper json, TransactionSynchronizationRegistry transactions,
            AuditConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.transactions = transactions;
        this.enabled = config.service().isPresent();
    }

    /** False in a service that keeps no audit trail (no {@code trellis.audit.service}). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Records a change that is not an entity of this service (or adds to the entry of one that is).
     * Must run inside the transaction that makes the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, String entityId, String action, AuditChanges changes) {
        if (enabled) {
            entry(entityType, entityId, action, changes);
            writePending();
        }
    }

    /**
     * An erased person's portal account signed its changes with its username, which is the person's email address:
     * every entry whose user actor is that address gets {@code replacement} instead, so the trail keeps what was done
     * but not by whom by name. The address is matched by its digest (SHA-256 of the trimmed, lower-cased address, as
     * hex: contracts' {@code ContactRegistered.emailSha256}), which is all most services learn of it. Must run
     * inside the erasure's transaction.
     *
     * @return how many entries changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int replaceActor(String emailSha256, String replacement) {
        if (!enabled || emailSha256 == null) {
            return 0;
        }
        String sql = "update audit_entry set actor = ? where actor_kind = 'user'"
                + " and encode(sha256(convert_to(lower(btrim(actor)), 'UTF8')), 'hex') = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, replacement);
            update.setString(2, emailSha256);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot replace an erased actor in the audit trail", e);
        }
    }

    /** Records or extends the transaction's entry for one entity; no transaction, no entry. */
    void entry(String entityType, String entityId, String action, AuditChanges changes) {
        if (transactions.getTransactionKey() == null) {
            return;
        }
        Entries entries = (Entries) transactions.getResource(PENDING_KEY);
        if (entries == null) {
            entries = new Entries();
            transactions.putResource(PENDING_KEY, entries);
        }
        String key = entityType + '\u001f' + entityId;
        Pending earlier = entries.byEntity.get(key);
        if (earlier == null) {
            Pending entry = new Pending(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS), entityType,
                    entityId, action, changes, AuditTrail.currentActor(), requestId());
            entries.byEntity.put(key, entry);
            entries.inserts.add(entry);
        } else {
            earlier.changes.merge(changes);
            if ("deleted".equals(action)) {
                earlier.action = action;
            }
            if (earlier.written && !earlier.changed) {
                entries.updates.add(earlier);
            }
            earlier.changed = true;
        }
    }

    /**
     * A transaction's entries, by entity, and those to write at the next flush: a transaction of many flushes (a
     * dry run of a whole file) writes each flush's own, without going over the earlier ones again.
     */
    private static final class Entries {
        final Map<String, Pending> byEntity = new HashMap<>();
        List<Pending> inserts = new ArrayList<>();
        List<Pending> updates = new ArrayList<>();
    }

    /**
     * Writes the transaction's entries recorded since the last write: the new ones in one JDBC batch, those extended
     * since in another. Called at the end of each Hibernate flush ({@link AuditInterceptor#postFlush}), so that a
     * chunk of an import writes its thousand entries in one round trip rather than one each, and after {@link #record}.
     */
    void writePending() {
        if (!enabled || transactions.getTransactionKey() == null) {
            return;
        }
        Entries entries = (Entries) transactions.getResource(PENDING_KEY);
        if (entries == null || (entries.inserts.isEmpty() && entries.updates.isEmpty())) {
            return;
        }
        List<Pending> inserts = entries.inserts;
        List<Pending> updates = entries.updates;
        // The pool hands out the connection already enlisted in this transaction: the one Hibernate flushes on.
        try (Connection connection = dataSource.getConnection()) {
            if (!inserts.isEmpty()) {
                insert(connection, inserts);
            }
            if (!updates.isEmpty()) {
                update(connection, updates);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the audit trail's entries", e);
        }
        inserts.forEach(entry -> entry.written = true);
        entries.updates.forEach(entry -> entry.changed = false);
        entries.inserts = new ArrayList<>();
        entries.updates = new ArrayList<>();
    }

    private static final class Pending {
        final UUID id;
        final Instant occurredAt;
        final String entityType;
        final String entityId;
        String action;
        final AuditChanges changes;
        final AuditActor actor;
        final String requestId;
        boolean written;
        boolean changed;

        Pending(UUID id, Instant occurredAt, String entityType, String entityId, String action, AuditChanges changes,
                AuditActor actor, String requestId) {
            this.id = id;
            this.occurredAt = occurredAt;
            this.entityType = entityType;
            this.entityId = entityId;
            this.action = action;
            this.changes = changes;
            this.actor = actor;
            this.requestId = requestId;
        }
    }

    private void insert(Connection connection, List<Pending> entries) throws SQLException {
        String sql = """
                insert into audit_entry (id, occurred_at, actor_kind, actor, entity_type, entity_id, action, changes, request_id)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                """;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Pending entry : entries) {
                insert.setObject(1, entry.id);
                insert.setTimestamp(2, Timestamp.from(entry.occurredAt));
                insert.setString(3, entry.actor.kind());
                insert.setString(4, entry.actor.name());
                insert.setString(5, entry.entityType);
                insert.setString(6, entry.entityId);
                insert.setString(7, entry.action);
                insert.setString(8, changesJson(entry.changes));
                insert.setString(9, entry.requestId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void update(Connection connection, List<Pending> entries) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update audit_entry set action = ?, changes = cast(? as jsonb) where id = ?")) {
            for (Pending entry : entries) {
                update.setString(1, entry.action);
                update.setString(2, changesJson(entry.changes));
                update.setObject(3, entry.id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** {@code {"field": {"before": …, "after": …}}}, or {@code {"field": {"masked": true}}}. */
    String changesJson(AuditChanges changes) {
        ObjectNode root = json.createObjectNode();
        changes.fields().forEach((name, change) -> {
            ObjectNode field = root.putObject(name);
            if (change.masked()) {
                field.put("masked", true);
            } else {
                field.set("before", json.valueToTree(change.before()));
                field.set("after", json.valueToTree(change.after()));
            }
        });
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit changes cannot be written as JSON", e);
        }
    }

    private static String requestId() {
        Object id = MDC.get(REQUEST_ID);
        return id == null ? null : id.toString();
    }

    /** The caller of the HTTP request being served, or the system outside one. */
    public static AuditActor currentActor() {
        if (requestId() == null || !Arc.container().requestContext().isActive()) {
            return AuditActor.SYSTEM_ACTOR;
        }
        try (InstanceHandle<CurrentIdentityAssociation> identity = Arc.container().instance(CurrentIdentityAssociation.class)) {
            if (!identity.isAvailable()) {
                return AuditActor.SYSTEM_ACTOR;
            }
            return AuditActor.of(Callers.of(identity.get().getIdentity()));
        }
    }
}
