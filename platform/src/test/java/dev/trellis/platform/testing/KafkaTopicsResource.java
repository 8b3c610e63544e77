package dev.trellis.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/** Gives the test consumer topics and a group that no earlier run has used, so old messages never leak in. */
public class KafkaTopicsResource implements QuarkusTestResourceLifecycleManager {
    public static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    public static final String IN = "platform-test-in-" + RUN;
    public static final String DEAD_LETTERS = "platform-test-dlq-" + RUN;

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.messaging.incoming.platform-test.topic", IN,
                "mp.messaging.incoming.platform-test.group.id", "platform-test-" + RUN,
                "mp.messaging.incoming.platform-test.dead-letter-queue.topic", DEAD_LETTERS);
    }

    @Override
    public void stop() {
    }
}
