package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Driven by each service's own OpenAPI document: every operation that takes a JSON body gets a body with a key sent
 * twice, a NUL character in each text field and a date beyond the year 9999 in each date field; every query parameter
 * a NUL character, and every date parameter such a date. Each answer is a 4xx problem, never a 5xx. The requests go
 * to the services' own ports (where the 500s were found, and where the gateway's rate limits do not apply), as the
 * community team and as foundation staff, so that the role checks let most of them through to the parsing.
 */
class HostileInputIT {
    private static final String FAR_DATE = "+999999999-12-31";

    @TestFactory
    Stream<DynamicTest> noOperationAnswersHostileInputWithA5xx() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, URI> service : Stack.SERVICES.entrySet()) {
            JsonNode doc = Http.send(Http.request(service.getValue().resolve("/q/openapi?format=json"))).json();
            Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
                while (ops.hasNext()) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String method = op.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    List<Probe> probes = probes(doc, path.getKey(), method, op.getValue());
                    if (probes.isEmpty()) {
                        continue;
                    }
                    tests.add(DynamicTest.dynamicTest(service.getKey() + " " + method + " " + path.getKey(), () -> {
                        for (Probe p : probes) {
                            for (Caller caller : List.of(Caller.TEAM, Caller.STAFF)) {
                                Http.Response r = Http.call(caller, method, service.getValue().resolve(p.target()), p.body(),
                                        Map.of("If-Match", "*"));
                                String where = method + " " + p.target() + " " + (p.body() == null ? "" : p.body()) + " as "
                                        + caller.label + ": " + r;
                                assertTrue(r.status() < 500, "a 5xx: " + where);
                                if (r.status() >= 400) {
                                    assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"),
                                            "a refusal is problem+json: " + where);
                                }
                            }
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** One hostile request: a target with its query, and a body or none. */
    private record Probe(String target, String body) {
    }

    private static List<Probe> probes(JsonNode doc, String template, String method, JsonNode op) {
        String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        List<Probe> probes = new ArrayList<>();
        for (JsonNode parameter : op.path("parameters")) {
            JsonNode p = resolve(doc, parameter);
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            JsonNode schema = resolve(doc, p.path("schema"));
            probes.add(new Probe(path + "?" + enc(name) + "=%00", null));
            if ("date".equals(schema.path("format").asText()) || List.of("from", "to", "on").contains(name)) {
                probes.add(new Probe(path + "?" + enc(name) + "=" + enc(FAR_DATE), null));
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        JsonNode json = content.has("application/json") ? content.get("application/json")
                : content.has("application/merge-patch+json") ? content.get("application/merge-patch+json") : null;
        if (json != null && !method.equals("GET")) {
            JsonNode schema = resolve(doc, json.path("schema"));
            probes.add(new Probe(path, "{\"x\":1,\"x\":2}"));
            Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
            while (props.hasNext()) {
                Map.Entry<String, JsonNode> prop = props.next();
                JsonNode type = resolve(doc, prop.getValue());
                ObjectNode body = Http.JSON.createObjectNode();
                if ("date".equals(type.path("format").asText()) || "date-time".equals(type.path("format").asText())) {
                    body.put(prop.getKey(), "date".equals(type.path("format").asText()) ? FAR_DATE : FAR_DATE + "T00:00:00Z");
                    probes.add(new Probe(path, body.toString()));
                } else if ("string".equals(type.path("type").asText()) && !type.has("enum")) {
                    body.put(prop.getKey(), "a\u0000b");
                    probes.add(new Probe(path, body.toString()));
                    ObjectNode twice = Http.JSON.createObjectNode();
                    twice.put(prop.getKey(), "a");
                    probes.add(new Probe(path, twice.toString().replace("}", ",\"" + prop.getKey() + "\":\"b\"}")));
                }
            }
        }
        return probes;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode at = node;
        for (int i = 0; i < 5 && at.has("$ref"); i++) {
            String ref = at.get("$ref").asText();
            at = doc.at(ref.substring(1));
        }
        if (at.has("allOf") && at.get("allOf").size() == 1) {
            return resolve(doc, at.get("allOf").get(0));
        }
        return at;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
