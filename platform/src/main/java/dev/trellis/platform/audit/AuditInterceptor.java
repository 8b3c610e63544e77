package dev.trellis.platform.audit;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.ElementCollection;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Hibernate;
import org.hibernate.Interceptor;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.type.Type;

/**
 * Makes the audit entries of entity changes: every entity of the service except those marked
 * {@link NotAudited}, on create, update and delete, with each changed field before and after (masked
 * fields only as changed) and the element collections (a partner's e-mail domains) as lists.
 *
 * <p>Fields every entity has and no reader needs (version, timestamps, search text) are left out.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class AuditInterceptor implements Interceptor {
    static final Set<String> TECHNICAL = Set.of("version", "createdAt", "updatedAt", "searchText");

    private final AuditTrail trail;
    private final Map<Class<?>, Audited> entities = new ConcurrentHashMap<>();

    public AuditInterceptor(AuditTrail trail) {
        this.trail = trail;
    }

    /** The entries this flush recorded are written now, in batches, on the flush's connection. */
    @Override
    public void postFlush(Iterator<Object> entities) {
        trail.writePending();
    }

    /** How one entity class is audited; {@code type} null for one that is not. */
    record Audited(String type, Set<String> masked) {
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        Audited audited = audited(entity);
        if (audited.type() != null) {
            trail.entry(audited.type(), entityId(id, entity), "created", changes(audited, names, types, null, state));
        }
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] current, Object[] previous, String[] names,
            Type[] types) {
        Audited audited = audited(entity);
        if (audited.type() != null && previous != null) {
            AuditChanges changes = changes(audited, names, types, previous, current);
            if (!changes.isEmpty()) {
                trail.entry(audited.type(), entityId(id, entity), "updated", changes);
            }
        }
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        Audited audited = audited(entity);
        if (audited.type() != null) {
            trail.entry(audited.type(), entityId(id, entity), "deleted", changes(audited, names, types, state, null));
        }
    }

    @Override
    public void onCollectionRecreate(Object collection, Object key) {
        collection(collection, key, null);
    }

    @Override
    public void onCollectionUpdate(Object collection, Object key) {
        collection(collection, key, Boolean.FALSE);
    }

    @Override
    public void onCollectionRemove(Object collection, Object key) {
        collection(collection, key, Boolean.TRUE);
    }

    /** {@code removed}: null for a new collection (no elements before), true for one removed (none after). */
    private void collection(Object collection, Object key, Boolean removed) {
        if (!(collection instanceof PersistentCollection<?> persistent) || persistent.getOwner() == null
                || persistent.getRole() == null) {
            return;
        }
        Object owner = persistent.getOwner();
        Audited audited = audited(owner);
        String property = persistent.getRole().substring(persistent.getRole().lastIndexOf('.') + 1);
        if (audited.type() == null || !isElementCollection(Hibernate.getClass(owner), property)) {
            return;
        }
        List<Object> before = removed == null ? List.of() : elements(persistent.getStoredSnapshot());
        List<Object> after = Boolean.TRUE.equals(removed) ? List.of() : elements(collection);
        if (!new HashSet<>(before).equals(new HashSet<>(after))) {
            trail.entry(audited.type(), entityId(key, owner), "updated",
                    AuditChanges.of().value(property, before, after, audited.masked().contains(property)));
        }
    }

    private AuditChanges changes(Audited audited, String[] names, Type[] types, Object[] before, Object[] after) {
        AuditChanges changes = AuditChanges.of();
        for (int i = 0; i < names.length; i++) {
            if (TECHNICAL.contains(names[i]) || types[i].isCollectionType()) {
                continue;
            }
            Object old = before == null ? null : value(before[i], types[i]);
            Object now = after == null ? null : value(after[i], types[i]);
            changes.value(names[i], old, now, audited.masked().contains(names[i]));
        }
        return changes;
    }

    /** A reference to another entity is recorded as its id. */
    private static Object value(Object value, Type type) {
        if (value == null || !type.isEntityType()) {
            return value;
        }
        return idOf(value);
    }

    private Audited audited(Object entity) {
        if (!trail.enabled()) {
            return new Audited(null, Set.of());
        }
        return entities.computeIfAbsent(Hibernate.getClass(entity), AuditInterceptor::describe);
    }

    static Audited describe(Class<?> type) {
        if (type.isAnnotationPresent(NotAudited.class)) {
            return new Audited(null, Set.of());
        }
        Set<String> masked = new HashSet<>(AuditChanges.MASKED_BY_DEFAULT);
        AuditMasked extra = type.getAnnotation(AuditMasked.class);
        if (extra != null) {
            masked.addAll(List.of(extra.value()));
        }
        return new Audited(typeName(type.getSimpleName()), Set.copyOf(masked));
    }

    /** {@code KeyContact} is {@code key-contact}. */
    static String typeName(String simpleName) {
        return simpleName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * A UUID, number or string id as it is; a composite one ({@code KeyContact.Key}) as its fields'
     * values joined by {@code /}.
     */
    static String entityId(Object id, Object entity) {
        Object key = id != null ? id : idOf(entity);
        if (key == null || key instanceof UUID || key instanceof Number || key instanceof CharSequence) {
            return String.valueOf(key);
        }
        List<String> parts = new ArrayList<>();
        for (Field field : key.getClass().getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                try {
                    parts.add(String.valueOf(field.get(key)));
                } catch (IllegalAccessException e) {
                    return key.toString();
                }
            }
        }
        return parts.isEmpty() ? key.toString() : String.join("/", parts);
    }

    private static Object idOf(Object entity) {
        Object target = Hibernate.unproxy(entity);
        try {
            return target.getClass().getField("id").get(target);
        } catch (ReflectiveOperationException e) {
            return String.valueOf(target);
        }
    }

    private static boolean isElementCollection(Class<?> type, String property) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(property).isAnnotationPresent(ElementCollection.class);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        return false;
    }

    private static List<Object> elements(Object collection) {
        List<Object> elements = new ArrayList<>();
        if (collection instanceof Map<?, ?> map) {
            elements.addAll(map.values());
        } else if (collection instanceof Collection<?> values) {
            elements.addAll(values);
        }
        elements.replaceAll(e -> e instanceof UUID || e instanceof Number || e instanceof CharSequence
                || e instanceof Enum<?> ? e.toString() : e);
        if (elements.stream().allMatch(e -> e instanceof String)) {
            elements.sort((a, b) -> ((String) a).compareTo((String) b));
        }
        return elements;
    }
}
