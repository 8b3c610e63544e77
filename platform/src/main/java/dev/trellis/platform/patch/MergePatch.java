package dev.trellis.platform.patch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.trellis.platform.domain.InvalidInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A JSON merge patch (RFC 7396) read into a typed, validated record: the one implementation every PATCH
 * uses. A field that is absent stays as it is; a field that is present is set, and present as
 * {@code null} it is cleared (or refused, where the field cannot be empty). Unknown fields are refused
 * naming them, so a typo never silently does nothing.
 *
 * <p>The rest layer reads the body into its request record and {@link #map maps} it to the application
 * layer's command, which keeps the set of present fields; the service asks {@link #has} per field.
 */
public final class MergePatch<T> {
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final T value;
    private final Set<String> present;

    private MergePatch(T value, Set<String> present) {
        this.value = value;
        this.present = present;
    }

    /**
     * @throws InvalidInput if the body is not a JSON object, names an unknown field or has a value of the wrong type
     * @throws ConstraintViolationException if a present value is invalid (mapped to a 400 naming it)
     */
    public static <T> MergePatch<T> read(JsonNode body, Class<T> type, ObjectMapper json, Validator validator) {
        if (body == null || !body.isObject()) {
            throw InvalidInput.field("body", "must be a JSON object of the fields to change");
        }
        Set<String> present = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(present::add);
        T value;
        try {
            value = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).treeToValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw InvalidInput.field(e.getPropertyName(), "is not a field that can be changed here");
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : "body";
            throw InvalidInput.field(field, "has the wrong type or format");
        }
        Set<ConstraintViolation<T>> violations = new LinkedHashSet<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            String root = violation.getPropertyPath().iterator().next().getName();
            if (present.contains(root)) {
                violations.add(violation);
            }
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new MergePatch<>(value, present);
    }

    /** A patch of the same fields, its value mapped: from the rest layer's record to the service's command. */
    public <U> MergePatch<U> map(Function<T, U> mapper) {
        return new MergePatch<>(mapper.apply(value), present);
    }

    /** A patch made by code (an import line, a test): the fields present are those named. */
    public static <T> MergePatch<T> of(T value, Set<String> present) {
        return new MergePatch<>(value, Set.copyOf(present));
    }

    /** The value of {@code field} if present, else the current value: absent means unchanged. */
    public <V> V apply(String field, V current, Function<T, V> newValue) {
        return has(field) ? newValue.apply(value) : current;
    }

    public T value() {
        return value;
    }

    public boolean has(String field) {
        return present.contains(field);
    }

    public Set<String> fields() {
        return present;
    }

    /** The present fields that are not in {@code allowed}, in the order they were sent. */
    public static List<String> outside(JsonNode body, Collection<String> allowed) {
        List<String> outside = new ArrayList<>();
        if (body != null && body.isObject()) {
            body.fieldNames().forEachRemaining(f -> {
                if (!allowed.contains(f)) {
                    outside.add(f);
                }
            });
        }
        return outside;
    }
}
