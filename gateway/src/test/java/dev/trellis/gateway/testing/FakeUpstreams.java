package dev.trellis.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tiny HTTP servers standing in for the services. Each answers every request with JSON saying what it
 * received; {@code GET /__seen} (asked directly, not through the gateway) lists every request line it
 * has received. The gateway's own call for {@code /q/openapi} (recognisable by its missing request id)
 * is answered but not recorded; readiness is asked on a second server per service, its management
 * interface. Besides the three services:
 * <ul>
 * <li>{@code offline-service} ({@code /api/offline}) points at a port nobody listens on;</li>
 * <li>{@code slow-service} ({@code /api/slow}) never answers;</li>
 * <li>{@code flaky-service} ({@code /api/flaky}) drops connections on demand: {@code /__fail?next=n}
 * drops the next n requests, {@code /__fail?always=true|false} all of them;</li>
 * <li>every service answers a path ending in {@code /delay} after {@link #DELAY_MS};</li>
 * <li>partner-service holds requests to {@code .../hold} until {@link #HOLD} of them are waiting (or
 * 5 s passed) and reports how many it held: that is how many connections the gateway opened.</li>
 * </ul>
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("partner-service", "advisory-service", "event-service");
    public static final String SEEN = "/__seen";
    public static final String FAIL = "/__fail";
    public static final int HOLD = 10;
    /** How long any service waits before answering a path that ends in {@code /delay}. */
    public static final long DELAY_MS = 300;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            config.put("trellis.gateway.routes." + service + ".upstream", "http://127.0.0.1:" + serve(service));
            config.put("trellis.gateway.routes." + service + ".management", "http://127.0.0.1:" + manage(service));
        }
        // The routes the suite does not fake point nowhere, so that a stack running on this machine never
        // answers for it (its insights-service or webhook-service would join the merged OpenAPI document).
        config.put("trellis.gateway.routes.insights-service.upstream", "http://127.0.0.1:" + unusedPort());
        config.put("trellis.gateway.routes.insights-service.management", "http://127.0.0.1:" + unusedPort());
        config.put("trellis.gateway.routes.webhook-service.upstream", "http://127.0.0.1:" + unusedPort());
        config.put("trellis.gateway.routes.webhook-service.management", "http://127.0.0.1:" + unusedPort());
        config.put("trellis.gateway.routes.offline-service.prefixes", "/api/offline");
        config.put("trellis.gateway.routes.offline-service.upstream", "http://127.0.0.1:" + unusedPort());
        config.put("trellis.gateway.routes.slow-service.prefixes", "/api/slow");
        config.put("trellis.gateway.routes.slow-service.upstream", "http://127.0.0.1:" + serve("slow-service"));
        config.put("trellis.gateway.routes.flaky-service.prefixes", "/api/flaky");
        config.put("trellis.gateway.routes.flaky-service.upstream", "http://127.0.0.1:" + serve("flaky-service"));
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private int serve(String service) {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger failNext = new AtomicInteger();
        AtomicBoolean failAlways = new AtomicBoolean();
        List<HttpServerRequest> held = new ArrayList<>();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals(SEEN)) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonArray(List.copyOf(seen)).encode());
                return;
            }
            if (request.path().equals(FAIL)) {
                if (request.getParam("next") != null) {
                    failNext.set(Integer.parseInt(request.getParam("next")));
                }
                if (request.getParam("always") != null) {
                    failAlways.set(Boolean.parseBoolean(request.getParam("always")));
                }
                request.response().end();
                return;
            }
            if (request.path().startsWith("/q/") && request.getHeader("X-Request-Id") == null) {
                own(service, request);
                return;
            }
            seen.add(request.uri());
            if (service.equals("slow-service")) {
                return;
            }
            if (failAlways.get() || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                request.connection().close();
                return;
            }
            if (request.path().endsWith("/delay")) {
                request.body().onSuccess(body -> vertx.setTimer(DELAY_MS, id -> echo(service, request, body, null)));
                return;
            }
            if (request.path().endsWith("/hold")) {
                request.body().onSuccess(body -> hold(held, request));
                return;
            }
            request.body().onSuccess(body -> echo(service, request, body, null));
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS).join().actualPort();
    }

    /**
     * The service's management interface: only readiness, which the service's own port does not answer
     * (like the real services), so the gateway must ask here.
     */
    private int manage(String service) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/q/health/ready")) {
                request.response().setStatusCode(service.equals("advisory-service") ? 503 : 200)
                        .putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS).join().actualPort();
    }

    /** Answers once {@link #HOLD} requests wait, or after 5 s with however many came. */
    private void hold(List<HttpServerRequest> held, HttpServerRequest request) {
        held.add(request);
        if (held.size() == 1) {
            vertx.setTimer(5_000, id -> release(held));
        }
        if (held.size() >= HOLD) {
            release(held);
        }
    }

    private static void release(List<HttpServerRequest> held) {
        int count = held.size();
        for (HttpServerRequest request : List.copyOf(held)) {
            echo("partner-service", request, Buffer.buffer(), count);
        }
        held.clear();
    }

    private static JsonObject ref(String schema) {
        return new JsonObject().put("$ref", "#/components/schemas/" + schema);
    }

    private static JsonObject json(JsonObject schema) {
        return new JsonObject().put("content", new JsonObject().put("application/json", new JsonObject().put("schema", schema)));
    }

    /** The services' own endpoints, as the gateway asks for them. */
    private static void own(String service, HttpServerRequest request) {
        if (request.path().equals("/q/openapi") && List.of("partner-service", "advisory-service").contains(service)) {
            JsonObject problem = new JsonObject().put("type", "object").put("properties",
                    new JsonObject().put("status", new JsonObject().put("type", "integer")));
            String prefix = service.equals("partner-service") ? "/api/partners" : "/api/boards";
            JsonObject list = new JsonObject().put("summary", "list of " + service).put("responses", new JsonObject()
                    .put("200", json(ref("Clash")))
                    .put("500", new JsonObject().put("content", new JsonObject()
                            .put("application/problem+json", new JsonObject().put("schema", ref("Problem"))))));
            JsonObject internal = new JsonObject().put("responses", new JsonObject().put("200", json(ref(service + "-internal"))));
            JsonObject spec = new JsonObject()
                    .put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", service).put("version", "1"))
                    .put("paths", new JsonObject()
                            .put(prefix, new JsonObject().put("get", list))
                            .put("/internal/" + service, new JsonObject().put("get", internal)))
                    .put("components", new JsonObject().put("schemas", new JsonObject()
                            .put("Problem", problem)
                            .put(service + "-only", new JsonObject().put("type", "string"))
                            .put(service + "-internal", new JsonObject().put("type", "string"))
                            .put("Clash", new JsonObject().put("description", service).put("properties",
                                    new JsonObject().put("own", ref(service + "-only"))))))
                    .put("tags", new JsonArray().add(new JsonObject().put("name", service)));
            request.response().putHeader("Content-Type", "application/json").end(spec.encode());
        } else {
            // The other services' documents are "broken", to show the merge carries on without them.
            request.response().setStatusCode(500).end();
        }
    }

    private static void echo(String service, HttpServerRequest request, Buffer body, Integer held) {
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT),
                headers.containsKey(h.getKey().toLowerCase(java.util.Locale.ROOT))
                        ? headers.getString(h.getKey().toLowerCase(java.util.Locale.ROOT)) + "," + h.getValue()
                        : h.getValue()));
        JsonObject echo = new JsonObject()
                .put("upstream", service)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("authorization", request.getHeader("Authorization"))
                .put("requestId", request.getHeader("X-Request-Id"))
                .put("upgrade", request.getHeader("Upgrade"))
                .put("bodyLength", body.length())
                .put("held", held)
                .put("headers", headers);
        request.response()
                .putHeader("Content-Type", "application/json")
                // The gateway must not pass a second X-Request-Id on to the caller.
                .putHeader("X-Request-Id", "set-by-upstream")
                // ...nor a service's own CORS answer: only the gateway decides CORS.
                .putHeader("Access-Control-Allow-Origin", "*")
                // ...nor hop-by-hop headers meant for the gateway's own connection.
                .putHeader("Connection", "keep-alive, X-Hop")
                .putHeader("Keep-Alive", "timeout=5")
                .putHeader("X-Hop", "1")
                .end(echo.encode());
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
