package dev.trellis.contracts;

/**
 * One event type of the catalog.
 *
 * @param type     CloudEvent {@code type}, {@code dev.trellis.<aggregate>.<fact>.v<N>}
 * @param topic    Kafka topic the event is published to, one of {@link Topics}
 * @param payload  record class of the CloudEvent {@code data}
 * @param keyField name of the payload field holding the aggregate id, which is both the Kafka
 *                 record key and the CloudEvent {@code subject}
 */
public record EventType(String type, String topic, Class<? extends Record> payload, String keyField) {

    /** Classpath location of the JSON Schema (draft-04) for the payload. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    /** Classpath location of an example payload that validates against the schema. */
    public String exampleResource() {
        return "examples/" + type + ".json";
    }
}
