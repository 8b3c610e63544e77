package dev.trellis.platform.audit;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code trellis.audit.*}: a service that keeps an audit trail names itself; one without keeps none. */
@ConfigMapping(prefix = "trellis.audit")
public interface AuditConfig {
    /**
     * The service's name in the audit route ({@code GET /api/audit/<service>}); set only by services whose
     * database has the {@code audit_entry} table. Unset: nothing is recorded and the route answers 404.
     */
    Optional<String> service();
}
