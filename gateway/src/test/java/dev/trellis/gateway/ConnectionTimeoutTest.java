package dev.trellis.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slow senders (slow-loris): a connection that goes quiet for the idle timeout is closed, headers
 * half sent or not; a body that trickles in is cut at the body timeout with a 408. The profile makes
 * both short (1 s and 2 s); the waits around them are many times longer, so only a gateway that never
 * closes fails.
 */
@QuarkusTest
@TestProfile(ConnectionTimeoutTest.ShortTimeouts.class)
class ConnectionTimeoutTest {

    private static final long IDLE_MILLIS = 1000;

    public static class ShortTimeouts extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.http.idle-timeout", IDLE_MILLIS + "ms");
            config.put("trellis.gateway.limits.body-timeout", "2s");
            return config;
        }
    }

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void headersSentByteByByteSlowerThanTheIdleTimeoutGetTheConnectionClosed() throws IOException {
        byte[] request = "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: loris\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // One byte, then a pause of three idle timeouts before the next; the gateway must hang up
            // long before the header section is complete, and without answering.
            socket.setSoTimeout((int) (3 * IDLE_MILLIS));
            for (int sent = 0; sent < request.length; sent++) {
                try {
                    out.write(request[sent]);
                    out.flush();
                    int read = in.read();
                    assertEquals(-1, read, "the gateway answered a request it never fully received");
                    assertTrue(sent < 3, "closed only after " + (sent + 1) + " bytes");
                    return;
                } catch (SocketTimeoutException stillOpen) {
                    // Not closed within three idle timeouts of this byte: send the next one.
                } catch (IOException reset) {
                    assertTrue(sent < 3, "closed only after " + (sent + 1) + " bytes");
                    return;
                }
            }
            fail("the gateway waited for all " + request.length + " bytes of a header sent byte by byte");
        }
    }

    @Test
    void bodyThatTricklesInGets408ProblemAndTheConnectionClosed() throws Exception {
        String head = "POST /api/partners HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Tokens.withRoles("partner")
                + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n";
        try (Socket socket = connect()) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // A byte every 300 ms keeps the connection from ever being idle for a second, so only the
            // body timeout (2 s) can end this; 200 bytes would take a minute.
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(300);
                    }
                } catch (IOException | InterruptedException closed) {
                    // The gateway hung up: what this test waits for.
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            String response = readUntilClosed(socket.getInputStream());
            trickle.interrupt();
            assertTrue(response.startsWith("HTTP/1.1 408"), response);
            assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
            JsonObject problem = new JsonObject(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertEquals(408, problem.getInteger("status"));
        }
    }

    @Test
    void headersTricklingFasterThanTheIdleTimeoutAreStillCutOnceTheWholeHeaderTakesLonger() throws IOException {
        // Vert.x' idle timer restarts only when a whole message (a header section, a body chunk) has been
        // decoded, not with every byte: for headers it is a deadline for the whole section. A byte every
        // 200 ms would take 8 s for this request; the gateway must hang up first, without answering.
        byte[] request = ("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "l".repeat(10) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(200);
            for (int sent = 0; sent < request.length; sent++) {
                try {
                    out.write(request[sent]);
                    out.flush();
                    assertEquals(-1, in.read(), "the gateway answered a request it never fully received");
                    return;
                } catch (SocketTimeoutException stillOpen) {
                    // Open after another 200 ms: send the next byte.
                } catch (IOException reset) {
                    return;
                }
            }
            fail("the gateway waited for all " + request.length + " bytes, about " + request.length / 5 + " s");
        }
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), gateway.getPort());
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (IOException reset) {
            // A reset after the answer still leaves the answer.
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
