package dev.trellis.platform.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What an audit entry says changed: field name to its value before and after, or only that it changed
 * ({@link #masked}) for personal data and free text. Values are what Jackson writes for them.
 */
public final class AuditChanges {
    /**
     * Names masked on every audited entity: a person's name and ways to reach them, notes, secrets. An
     * entity adds its own with {@link AuditMasked}.
     */
    public static final Set<String> MASKED_BY_DEFAULT = Set.of("firstName", "lastName", "displayName", "email",
            "phone", "jobTitle", "address", "notes", "note", "password", "secret", "secretHash", "token",
            "cancelToken");

    private final Map<String, Change> fields = new LinkedHashMap<>();

    /** One field's change; {@code masked} fields carry no values. */
    public record Change(Object before, Object after, boolean masked) {
    }

    public static AuditChanges of() {
        return new AuditChanges();
    }

    /** A field that changed from {@code before} to {@code after}; nothing if they are equal. */
    public AuditChanges field(String name, Object before, Object after) {
        if (before == null ? after != null : !before.equals(after)) {
            fields.put(name, new Change(before, after, false));
        }
        return this;
    }

    /** A field that changed, without its values. */
    public AuditChanges masked(String name) {
        fields.put(name, new Change(null, null, true));
        return this;
    }

    /** {@link #field} or {@link #masked}, as {@code masked} says. */
    AuditChanges value(String name, Object before, Object after, boolean masked) {
        if (masked) {
            if (before == null ? after != null : !before.equals(after)) {
                masked(name);
            }
            return this;
        }
        return field(name, before, after);
    }

    /** Adds {@code later} on top of this: a field keeps its first "before" and takes the later "after". */
    AuditChanges merge(AuditChanges later) {
        for (Map.Entry<String, Change> entry : later.fields.entrySet()) {
            Change earlier = fields.get(entry.getKey());
            Change next = entry.getValue();
            if (earlier == null || earlier.masked() || next.masked()) {
                fields.put(entry.getKey(), earlier != null && earlier.masked() ? earlier : next);
            } else {
                fields.put(entry.getKey(), new Change(earlier.before(), next.after(), false));
            }
        }
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public Map<String, Change> fields() {
        return Collections.unmodifiableMap(fields);
    }
}
