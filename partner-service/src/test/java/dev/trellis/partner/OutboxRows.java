package dev.trellis.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;

/** What partner-service recorded in its outbox, read in a transaction of its own. */
final class OutboxRows {
    private OutboxRows() {
    }

    /** The rows of one event type whose payload field {@code field} is {@code value}: (aggregate id, topic, data). */
    @SuppressWarnings("unchecked")
    static List<Object[]> about(EntityManager em, String type, String field, String value) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select aggregate_id, topic, cast(data as text) from outbox_event
                        where type = :type and data->>:field = :value order by seq
                        """)
                .setParameter("type", type).setParameter("field", field).setParameter("value", value)
                .getResultList());
    }
}
