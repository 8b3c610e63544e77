package dev.trellis.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A CloudEvent as it travels on Kafka in binary mode: attributes in {@code ce_*} headers, the JSON
 * payload as the record value.
 */
public record CloudEvent(String id, String type, String source, String subject, Instant time, String data) {

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Reads a record written in binary mode.
     *
     * @throws MalformedEventException when a required attribute is missing or unreadable
     */
    public static CloudEvent fromKafka(ConsumerRecord<?, ?> record) {
        Headers headers = record.headers();
        String specVersion = header(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEventException("unsupported or missing ce_specversion: " + specVersion);
        }
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String source = required(headers, CloudEventHeaders.SOURCE);
        String subject = header(headers, CloudEventHeaders.SUBJECT);
        String time = header(headers, CloudEventHeaders.TIME);
        Instant at;
        try {
            at = time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp: " + time);
        }
        Object value = record.value();
        String data = value == null ? null
                : value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        return new CloudEvent(id, type, source, subject, at, data);
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
