package dev.trellis.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import dev.trellis.platform.validation.Values;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Request bodies that a lenient parser would take and the database would choke on are refused while reading, each
 * as a 400 naming the field ({@link ProblemMappers}): a key that appears twice in one object (which value would win is
 * the parser's guess), text with a NUL character, a date or instant outside the years 1 to 9999.
 */
@Singleton
public class JsonHardening implements ObjectMapperCustomizer {

    static final String NUL = "must not contain the NUL character";
    static final String YEARS = "must be between the years 1 and 9999";

    /** The reason a value was refused here, from the message of the exception the refusal raised. */
    static java.util.Optional<String> reason(String message) {
        if (message == null) {
            return java.util.Optional.empty();
        }
        return message.contains(NUL) ? java.util.Optional.of(NUL)
                : message.contains(YEARS) ? java.util.Optional.of(YEARS) : java.util.Optional.empty();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule module = new SimpleModule("trellis-json-hardening");
        module.addDeserializer(String.class, new NoNulString());
        module.addDeserializer(LocalDate.class, new BoundedLocalDate());
        module.addDeserializer(Instant.class, new BoundedInstant());
        mapper.registerModule(module);
    }

    @Override
    public int priority() {
        // after Quarkus' own customizers (the JavaTimeModule), so these deserializers win
        return MINIMUM_PRIORITY;
    }

    static final class NoNulString extends StdDeserializer<String> {
        NoNulString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (Values.hasNul(value)) {
                throw ctxt.weirdStringException(value, String.class, NUL);
            }
            return value;
        }
    }

    static final class BoundedLocalDate extends StdDeserializer<LocalDate> {
        BoundedLocalDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            if (value != null && !Values.inRange(value)) {
                throw ctxt.weirdStringException(p.getValueAsString(), LocalDate.class, YEARS);
            }
            return value;
        }
    }

    static final class BoundedInstant extends StdDeserializer<Instant> {
        BoundedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            Instant value = InstantDeserializer.INSTANT.deserialize(p, ctxt);
            if (value != null && !Values.inRange(value)) {
                throw ctxt.weirdStringException(text, Instant.class, YEARS);
            }
            return value;
        }
    }
}
