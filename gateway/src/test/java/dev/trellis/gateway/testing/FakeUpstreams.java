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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Three tiny HTTP servers standing in for the services. Each answers every request with JSON saying
 * what it received; {@code GET /__seen} (asked directly, not through the gateway) lists every request
 * line it has received. A fourth route points at a port nobody listens on.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("partner-service", "advisory-service", "event-service");
    public static final String SEEN = "/__seen";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            config.put("trellis.gateway.routes." + service + ".upstream", "http://127.0.0.1:" + serve(service));
        }
        config.put("trellis.gateway.routes.offline-service.prefixes", "/api/offline");
        config.put("trellis.gateway.routes.offline-service.upstream", "http://127.0.0.1:" + unusedPort());
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
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals(SEEN)) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonArray(List.copyOf(seen)).encode());
                return;
            }
            seen.add(request.uri());
            request.body().onSuccess(body -> echo(service, request, body));
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS).join().actualPort();
    }

    private static void echo(String service, HttpServerRequest request, Buffer body) {
        JsonObject echo = new JsonObject()
                .put("upstream", service)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("authorization", request.getHeader("Authorization"))
                .put("requestId", request.getHeader("X-Request-Id"))
                .put("upgrade", request.getHeader("Upgrade"))
                .put("bodyLength", body.length());
        request.response()
                .putHeader("Content-Type", "application/json")
                // The gateway must not pass a second X-Request-Id on to the caller.
                .putHeader("X-Request-Id", "set-by-upstream")
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
