package dev.trellis.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1 as a subscriber would write one: it checks each request's signature with the
 * Standard Webhooks algorithm (written here from the specification, not with the service's code), answers 503 while
 * it is down, and keeps what it accepted.
 */
final class Receiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One accepted request. */
    record Received(String path, String webhookId, long timestamp, String signatures, JsonNode body) {
        String eventId() {
            return body.get("id").asText();
        }

        String partnerId() {
            JsonNode p = body.path("data").get("partnerId");
            return p == null ? null : p.asText();
        }
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> badSignatures = new CopyOnWriteArrayList<>();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger refused = new AtomicInteger();
    /** The secrets a valid request's signatures may be made with, by path. */
    final java.util.Map<String, List<String>> secrets = new java.util.concurrent.ConcurrentHashMap<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] raw = in.readAllBytes();
                String path = exchange.getRequestURI().getPath();
                if (down.get()) {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
                String body = new String(raw, StandardCharsets.UTF_8);
                List<String> valid = secrets.getOrDefault(path, List.of());
                boolean ok = id != null && ts != null && signatures != null && !valid.isEmpty();
                for (String secret : ok ? valid : List.<String>of()) {
                    ok &= verifies(secret, id, ts, body, signatures);
                }
                if (!ok) {
                    badSignatures.add(id + " " + signatures);
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                received.add(new Received(path, id, Long.parseLong(ts), signatures, JSON.readTree(body)));
                exchange.sendResponseHeaders(204, -1);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> at(String path) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The specification's check: HMAC-SHA256 of "id.timestamp.body" under the base64-decoded secret, any "v1," entry. */
    static boolean verifies(String secret, String id, String timestamp, String body, String header) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String entry : header.split(" ")) {
            String[] parts = entry.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
