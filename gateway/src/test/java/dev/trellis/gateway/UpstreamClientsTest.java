package dev.trellis.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.upstream.RouteTable;
import dev.trellis.gateway.upstream.Upstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Each event loop proxies through its own client (and so its own connections): an exchange never
 * hops to another loop's thread. Callers off the event loops share one more client.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class UpstreamClientsTest {

    @Inject
    Upstreams upstreams;

    @Inject
    Vertx vertx;

    @Test
    void everyEventLoopKeepsItsOwnClientPerUpstream() {
        RouteTable.Upstream partners = upstreams.routes().match("/api/partners").orElseThrow();
        RouteTable.Upstream events = upstreams.routes().match("/api/events").orElseThrow();
        Map<Thread, HttpClient> byThread = new HashMap<>();
        // Vert.x gives each new non-Vert.x thread a context on the next event loop, round-robin.
        for (int i = 0; i < 8; i++) {
            Context context = contextOfANewThread();
            Object[] seen = onContext(context, () -> new Object[] {Thread.currentThread(),
                    upstreams.client(partners), upstreams.client(partners), upstreams.client(events)});
            HttpClient client = (HttpClient) seen[1];
            assertSame(client, seen[2], "one loop, one upstream: one client");
            assertNotSame(client, seen[3], "another upstream has its own client");
            HttpClient before = byThread.putIfAbsent((Thread) seen[0], client);
            if (before != null) {
                assertSame(before, client, "the loop's client is kept");
            }
        }
        assertTrue(byThread.size() >= 2, "the test ran on " + byThread.size() + " event loop(s)");
        assertEquals(byThread.size(), byThread.values().stream().distinct().count(), "no two loops share a client");
        HttpClient offLoop = upstreams.client(partners);
        assertTrue(byThread.values().stream().noneMatch(c -> c == offLoop), "off-loop callers use their own client");
        assertSame(offLoop, upstreams.client(partners));
    }

    private Context contextOfANewThread() {
        CompletableFuture<Context> context = new CompletableFuture<>();
        Thread thread = new Thread(() -> context.complete(vertx.getOrCreateContext()));
        thread.start();
        return context.join();
    }

    private static Object[] onContext(Context context, java.util.function.Supplier<Object[]> action) {
        CompletableFuture<Object[]> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }
}
