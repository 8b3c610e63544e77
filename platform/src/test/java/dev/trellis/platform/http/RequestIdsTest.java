package dev.trellis.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestIdsTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void theGatewaysRequestIdIsEchoed() {
        given().header("X-Request-Id", "gw-1234.abc").get("/conventions/names")
                .then().statusCode(200).header("X-Request-Id", equalTo("gw-1234.abc"));
    }

    @Test
    void aRequestWithoutAnIdGetsOne() {
        given().get("/conventions/names").then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void anIdThatCouldForgeLogLinesIsReplaced() {
        given().header("X-Request-Id", "x\u0085 INFO forged").get("/conventions/names")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
        given().header("X-Request-Id", "a".repeat(129)).get("/conventions/names")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void errorsAreProblemJsonWithTheIdToo() {
        given().header("X-Request-Id", "gw-404").get("/conventions/rule/abc")
                .then().statusCode(404).header("X-Request-Id", equalTo("gw-404"));
    }

    @Test
    void theLogLinesOfARequestCarryItsId() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    seen.add(ext.getMdc(RequestIds.MDC_KEY));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ProblemMappers.class.getName());
        logger.addHandler(capture);
        try {
            given().header("X-Request-Id", "gw-boom-1").get("/conventions/boom").then().statusCode(500);
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(List.of("gw-boom-1"), seen, "the unexpected error's log record carries the request id");
    }
}
