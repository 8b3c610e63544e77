package dev.trellis.platform.http;

import dev.trellis.platform.validation.Values;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * A query parameter that does not parse ({@code ?limit=abc}, {@code ?limit=2147483648},
 * {@code ?partnerId=x}, {@code ?status=nonsense}, {@code ?from=yesterday}) is the client's mistake: 400 naming the parameter. JAX-RS would answer 404,
 * as if the resource did not exist. Path parameters keep the 404: {@code /api/partners/x} names
 * nothing. An empty value is no value. Enum names are matched case-insensitively.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        QueryParam query = null;
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                query = q;
            }
        }
        if (query == null) {
            return null;
        }
        String name = query.value();
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, "must be a whole number");
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf, "must be a whole number");
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, UUID::fromString, "must be a UUID");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, v -> inRange(LocalDate.parse(v)),
                    "must be a date (YYYY-MM-DD) between the years 1 and 9999");
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, v -> inRange(Instant.parse(v)),
                    "must be an RFC 3339 instant such as 2027-01-01T00:00:00Z, between the years 1 and 9999");
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) enumConverter(name, rawType.asSubclass(Enum.class));
        }
        return null;
    }

    private static LocalDate inRange(LocalDate day) {
        if (!Values.inRange(day)) {
            throw new IllegalArgumentException("out of range");
        }
        return day;
    }

    private static Instant inRange(Instant at) {
        if (!Values.inRange(at)) {
            throw new IllegalArgumentException("out of range");
        }
        return at;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ParamConverter<?> enumConverter(String name, Class<? extends Enum> type) {
        return converter(name, value -> Enum.valueOf((Class) type, value.toUpperCase(Locale.ROOT)),
                "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static <V> ParamConverter<V> converter(String name, Function<String, V> parse, String message) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw ProblemException.badRequest(name, message);
                }
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
