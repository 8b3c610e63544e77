package dev.trellis.e2e.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

/** Boards of a test's own, made through the gateway as foundation staff. */
public final class Boards {
    private Boards() {
    }

    /** A new board of {@code kind} whose seat policy is {@code policy} (JSON); returns its id. */
    public static String withPolicy(String name, String kind, String policy) {
        Http.Response created = Http.call(Caller.STAFF, "POST", Stack.GATEWAY.resolve("/api/boards"),
                "{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\"}");
        assertEquals(201, created.status(), created.toString());
        String board = created.json().get("id").asText();
        String path = "/api/boards/" + board + "/policy";
        Http.Response current = Http.get(Caller.STAFF, Stack.GATEWAY.resolve(path));
        Http.Response put = Http.call(Caller.STAFF, "PUT", Stack.GATEWAY.resolve(path), policy,
                Map.of("If-Match", current.header("ETag").orElseThrow()));
        assertEquals(200, put.status(), put.toString());
        return board;
    }
}
