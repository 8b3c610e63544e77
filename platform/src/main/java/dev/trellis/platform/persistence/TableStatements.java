package dev.trellis.platform.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

/**
 * A native statement about one table that no pending change of the session concerns (an inbox row, a due mark, an
 * insert of its own). Hibernate would otherwise flush the session before it, or at least check every entity the
 * session holds for changes, and after a write clear every entity's cache, as it does for a native statement that
 * names no table. On a hot path (a batch of hundreds of events) that check costs the square of the batch.
 */
public final class TableStatements {
    private TableStatements() {
    }

    public static NativeQuery<?> about(EntityManager em, String table, String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace(table)
                .setHibernateFlushMode(FlushMode.MANUAL);
    }
}
