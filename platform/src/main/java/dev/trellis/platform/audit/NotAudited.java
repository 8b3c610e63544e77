package dev.trellis.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An entity whose changes are not audit entries: read models fed from other services' events, and a
 * service's technical tables (mail outbox). Every other entity of a service that keeps an audit trail
 * is audited by {@link AuditInterceptor}, so a new entity cannot be forgotten.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NotAudited {
}
