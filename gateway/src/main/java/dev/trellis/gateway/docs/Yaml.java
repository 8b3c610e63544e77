package dev.trellis.gateway.docs;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Writes a JSON tree as block-style YAML 1.2, for {@code /api/openapi?format=yaml}. Every key and
 * string is written as a JSON string literal, which is also a valid YAML double-quoted scalar, so no
 * value can be misread (no "yes"/"no", no numbers that were strings). A library would be the gateway's
 * only use of Jackson databind.
 */
final class Yaml {

    private Yaml() {
    }

    static String write(JsonObject document) {
        StringBuilder out = new StringBuilder();
        object(document, 0, out);
        return out.toString();
    }

    private static void object(JsonObject object, int indent, StringBuilder out) {
        for (Map.Entry<String, Object> entry : object) {
            pad(indent, out).append(Json.encode(entry.getKey())).append(':');
            value(entry.getValue(), indent, out);
        }
    }

    private static void array(JsonArray array, int indent, StringBuilder out) {
        for (Object item : array) {
            pad(indent, out).append('-');
            value(item, indent, out);
        }
    }

    /** Writes what follows "key:" or "-": a scalar on the same line, a non-empty container below it. */
    private static void value(Object value, int indent, StringBuilder out) {
        if (value instanceof JsonObject object && !object.isEmpty()) {
            out.append('\n');
            object(object, indent + 2, out);
        } else if (value instanceof JsonArray array && !array.isEmpty()) {
            out.append('\n');
            array(array, indent + 2, out);
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static String scalar(Object value) {
        if (value instanceof JsonObject) {
            return "{}";
        }
        if (value instanceof JsonArray) {
            return "[]";
        }
        return value == null ? "null" : Json.encode(value);
    }

    private static StringBuilder pad(int indent, StringBuilder out) {
        return out.append(" ".repeat(indent));
    }
}
