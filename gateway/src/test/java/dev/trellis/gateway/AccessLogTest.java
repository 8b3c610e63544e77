package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's access log: one line per request, with route, upstream, status and request id, never the query. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AccessLogTest {
    private static final Logger ACCESS = Logger.getLogger("dev.trellis.gateway.access");

    private final List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyAll();
                lines.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        ACCESS.addHandler(capture);
    }

    @AfterEach
    void stop() {
        ACCESS.removeHandler(capture);
    }

    @Test
    void aProxiedRequestIsLoggedOnceWithRouteUpstreamStatusAndRequestIdButNotItsQuery() throws Exception {
        String requestId = "access-" + UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        given().auth().oauth2(Tokens.withRoles("partner")).header("X-Request-Id", requestId)
                .when().get("/api/partners/" + partner + "?access_token=s3cr3t-in-the-query").then().statusCode(200);

        ExtLogRecord line = await(requestId);
        String message = line.getFormattedMessage();
        assertTrue(message.startsWith("GET /api/partners/" + partner + " 200 route=partner-service upstream=partner-service "),
                message);
        assertTrue(message.endsWith(" req=" + requestId), message);
        assertTrue(message.matches(".* \\d+\\.\\dms req=.*"), "the duration: " + message);
        assertFalse(message.contains("s3cr3t"), "never the query: " + message);
        assertEquals(requestId, line.getMdc("requestId"), "the request id is in the MDC while the request is served");
        Thread.sleep(200);
        assertEquals(1, lines.stream().filter(l -> l.getFormattedMessage().contains(requestId)).count(), "one line per request");
    }

    @Test
    void aRequestTheGatewayRefusesIsLoggedWithUpstreamNone() throws Exception {
        String requestId = "access-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).when().get("/api/partners/" + UUID.randomUUID()).then().statusCode(401);

        String message = await(requestId).getFormattedMessage();
        assertTrue(message.contains(" 401 route=partner-service upstream=none "), message);
    }

    @Test
    void aPrivateCalendarFeedsSecretAddressIsMasked() throws Exception {
        String requestId = "access-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).when().get("/api/boards/calendar-feeds/the-feeds-secret-token");

        String message = await(requestId).getFormattedMessage();
        assertTrue(message.contains(" /api/boards/calendar-feeds/*** "), message);
        assertFalse(message.contains("the-feeds-secret-token"), message);
    }

    private ExtLogRecord await(String requestId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Optional<ExtLogRecord> line = lines.stream().filter(l -> l.getFormattedMessage().contains("req=" + requestId)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no access log line for " + requestId + " in " + lines.size() + " lines");
    }
}
