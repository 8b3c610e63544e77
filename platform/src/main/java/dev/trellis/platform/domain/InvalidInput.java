package dev.trellis.platform.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A value in the request is wrong in itself, whatever the state: each error names the field at fault. */
public final class InvalidInput extends DomainException {
    private final List<FieldError> errors;

    /** @param field the request's own name for it: {@code startDate}, {@code attendeeContactIds[2]}, {@code cursor} */
    public record FieldError(String field, String message) {
    }

    public InvalidInput(String detail, List<FieldError> errors) {
        super("invalid-request", "Invalid request", detail);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(message, List.of(new FieldError(field, message)));
    }

    public static InvalidInput fields(List<FieldError> errors) {
        return new InvalidInput(errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")), errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
