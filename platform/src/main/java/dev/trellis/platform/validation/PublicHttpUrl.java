package dev.trellis.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An absolute http(s) URL on the public internet: no other scheme, no credentials in it, and no host
 * that names this machine or a private network (loopback, private, link-local, unique-local and
 * "localhost"-like names). Such URLs are shown to users and may be fetched by tools, so they must not
 * point inside the foundation's network. Null is valid (use {@code @NotNull} to require a value).
 */
@Documented
@Constraint(validatedBy = PublicHttpUrlValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicHttpUrl {
    String message() default "must be a public http(s) URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
