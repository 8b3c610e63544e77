package dev.trellis.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.gateway.testing.FakeUpstreams;
import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Callers that hang up must not keep upstream connections. With one event loop and one pooled
 * connection per upstream, any connection the gateway failed to give back would stop every later
 * request to that upstream. Before the fix, a few wrk runs ending with requests in flight did exactly
 * that to partner-service in the benchmark.
 */
@QuarkusTest
@TestProfile(HangUpPoolTest.OneConnection.class)
class HangUpPoolTest {

    public static class OneConnection extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("trellis.gateway.pool-size", "1");
            config.put("quarkus.vertx.event-loops-pool-size", "1");
            return config;
        }
    }

    private static final String TOKEN = Tokens.withRoles("foundation-staff");

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void callersHangingUpMidExchangeOrInThePoolQueueGiveTheConnectionBack() throws Exception {
        for (int round = 0; round < 3; round++) {
            // One request takes the only connection (the upstream answers after 300 ms), the others
            // wait in the pool's queue; then every caller hangs up.
            List<Socket> callers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Socket socket = new Socket("127.0.0.1", gateway.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/partners/hang-up-" + round + "-" + i + "/delay HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: Bearer " + TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                callers.add(socket);
            }
            Thread.sleep(FakeUpstreams.DELAY_MS / 3);
            for (Socket socket : callers) {
                socket.close();
            }
        }
        // Every later request still gets through, well within the route's 30 s timeout.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(gateway + "api/partners/after-hang-ups-" + i))
                    .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        }
    }
}
