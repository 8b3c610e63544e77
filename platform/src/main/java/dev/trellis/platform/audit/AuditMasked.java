package dev.trellis.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fields of an audited entity that hold personal data or free text: an audit entry records that they
 * changed, never their values. Adds to the names {@link AuditChanges#MASKED_BY_DEFAULT} masks on every entity.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AuditMasked {
    /** Java field names, as Hibernate names the properties. */
    String[] value();
}
