package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.RawHttp;
import dev.trellis.gateway.testing.Scrape;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The body limit (1 MiB in the test profile; 3 MiB on the upload path /api/contacts/imports), for declared and
 * chunked bodies, and Expect: 100-continue.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class BodyLimitTest {

    private static final int LIMIT = 1024 * 1024;
    private static final int UPLOAD_LIMIT = 3 * LIMIT;
    private static final String UPLOAD = "/api/contacts/imports";

    private static final String CHUNKED_413 = "trellis_gateway_body_limit_refusals_total";

    @TestHTTPResource("/")
    URL gateway;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void declaredLengthOverTheLimitIs413ProblemBeforeAuthentication() {
        // No body follows: the gateway must answer from the headers alone, token or not.
        for (Map<String, String> auth : List.of(Map.<String, String>of(),
                Map.of("Authorization", "Bearer " + Tokens.withRoles("partner")))) {
            Map<String, String> headers = new java.util.HashMap<>(auth);
            headers.put("Content-Length", Integer.toString(LIMIT + 1));
            headers.put("Content-Type", "application/json");
            RawHttp.Response response = RawHttp.send(gateway.getPort(), "POST", "/api/partners", headers);

            assertEquals(413, response.status());
            assertEquals(List.of("application/problem+json"), response.header("Content-Type"));
            assertEquals(413, new JsonObject(response.body()).getInteger("status"));
        }
    }

    @Test
    void bodyAtTheLimitPasses() {
        given().auth().oauth2(Tokens.withRoles("community-team")).contentType(ContentType.BINARY)
                .body(new byte[LIMIT])
                .when().post("/api/partners")
                .then().statusCode(200).body("bodyLength", equalTo(LIMIT));
    }

    @Test
    void chunkedBodyUnderTheLimitStreamsThrough() throws IOException {
        String response = chunkedPost(LIMIT - 10);
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("\"bodyLength\":" + (LIMIT - 10)), response);
    }

    @Test
    void chunkedBodyOverTheLimitIs413Problem() throws IOException {
        // The trap: without counting, 3 MiB of chunks went through although nothing declared a length.
        double counted = Scrape.of(management).sum(CHUNKED_413, Map.of("body", "chunked"));
        String response = chunkedPost(3 * LIMIT);
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("application/problem+json"), response);
        assertTrue(response.contains("\"status\":413"), response);
        assertEquals(counted + 1, Scrape.of(management).sum(CHUNKED_413, Map.of("body", "chunked")), "counted as chunked");
    }

    @Test
    void anUploadPathTakesItsOwnLargerLimitDeclaredOrChunked() throws IOException {
        given().auth().oauth2(Tokens.withRoles("community-team")).contentType("text/csv")
                .body(new byte[UPLOAD_LIMIT])
                .when().post(UPLOAD)
                .then().statusCode(200).body("bodyLength", equalTo(UPLOAD_LIMIT));
        String chunked = chunkedPost(UPLOAD, UPLOAD_LIMIT - 10);
        assertTrue(chunked.startsWith("HTTP/1.1 200"), chunked);
        assertTrue(chunked.contains("\"bodyLength\":" + (UPLOAD_LIMIT - 10)), chunked);

        RawHttp.Response declared = RawHttp.send(gateway.getPort(), "POST", UPLOAD, Map.of(
                "Authorization", "Bearer " + Tokens.withRoles("community-team"),
                "Content-Length", Integer.toString(UPLOAD_LIMIT + 1), "Content-Type", "text/csv"));
        assertEquals(413, declared.status());
        assertTrue(new JsonObject(declared.body()).getString("detail").contains("(" + UPLOAD_LIMIT + " bytes)"),
                declared.body());
        String over = chunkedPost(UPLOAD, UPLOAD_LIMIT + 64 * 1024);
        assertTrue(over.startsWith("HTTP/1.1 413"), over);
        assertTrue(over.contains("(" + UPLOAD_LIMIT + " bytes)"), over);
    }

    @Test
    void theUploadLimitIsForTheUploadPathAlone() throws IOException {
        // The contacts list beside the import, and a path that merely starts like it, keep the 1 MiB.
        for (String path : List.of("/api/contacts", "/api/contacts/imports-x", "/api/contacts/imports/1")) {
            String response = chunkedPost(path, 2 * LIMIT);
            assertTrue(response.startsWith("HTTP/1.1 413"), path + ": " + response);
            assertTrue(response.contains("(" + LIMIT + " bytes)"), path + ": " + response);
        }
    }

    @Test
    void expectContinueIsAnsweredSoTheClientSendsItsBody() throws IOException {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            byte[] body = "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            out.write(("POST /api/partners HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + Tokens.withRoles("community-team") + "\r\n"
                    + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // A client waits for this before sending; vertx-http-proxy alone never sends it.
            String interim = readUntilBlankLine(socket.getInputStream());
            assertTrue(interim.startsWith("HTTP/1.1 100"), interim);
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("\"bodyLength\":" + body.length), response);
            assertTrue(!response.contains("\"expect\""), "Expect is not forwarded: " + response);
        }
    }

    @Test
    void expectContinueWithATooLargeBodyGets413InsteadOfContinue() throws IOException {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(("POST /api/partners HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + Tokens.withRoles("community-team") + "\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + (8 * LIMIT) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String head = readUntilBlankLine(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
        }
    }

    @Test
    void expectContinueWithoutATokenGets401InsteadOfContinue() throws IOException {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(("POST /api/partners HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Expect: 100-continue\r\nContent-Length: 10\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String head = readUntilBlankLine(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 401"), head);
        }
    }

    @Test
    void unknownExpectationIs417Problem() {
        given().auth().oauth2(Tokens.withRoles("community-team")).header("Expect", "something-else")
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/partners")
                .then().statusCode(417).contentType("application/problem+json");
    }

    @Test
    void transferCodingOtherThanChunkedIs400Problem() throws IOException {
        String response = rawPost("Transfer-Encoding: gzip, chunked\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("application/problem+json"), response);
    }

    private String rawPost(String headers) throws IOException {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(("POST /api/partners HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + Tokens.withRoles("community-team") + "\r\n" + headers
                    + "\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** POSTs {@code size} bytes in 64 KiB chunks from another thread and returns the whole raw response. */
    private String chunkedPost(int size) throws IOException {
        return chunkedPost("/api/partners", size);
    }

    private String chunkedPost(String path, int size) throws IOException {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + Tokens.withRoles("community-team") + "\r\n"
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    for (int sent = 0; sent < size; ) {
                        int n = Math.min(chunk.length, size - sent);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(chunk, 0, n);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        sent += n;
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    // The gateway may stop reading once it has answered; that is its right.
                }
            });
            writer.start();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(response);
            } catch (IOException e) {
                // A reset after the response was read still leaves the response.
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String readUntilBlankLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
