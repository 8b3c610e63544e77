package dev.trellis.platform.testing;

import dev.trellis.platform.messaging.Inbox;
import dev.trellis.platform.messaging.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer shaped like the services' ones: inbox for idempotency, dead-letter topic for poison. */
@ApplicationScoped
public class TestEffectConsumer {
    public static final String POISON_TYPE = "dev.trellis.test.poison.v1";

    private final Inbox inbox;

    public TestEffectConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("platform-test")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.consume("platform-test", record, event -> {
            if (POISON_TYPE.equals(event.type())) {
                throw new MalformedEventException("cannot process a " + event.type());
            }
            TestEffect effect = new TestEffect();
            effect.eventId = event.id();
            effect.payload = event.data();
            effect.persist();
        });
    }
}
