package dev.trellis.platform.messaging;

import dev.trellis.contracts.EventCatalog;
import dev.trellis.contracts.EventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one consumer does with each event type it cares about; run by {@link EventDispatcher}. Types of
 * the catalog that have no handler here are not for this consumer and are passed over.
 *
 * <pre>{@code
 * handlers = EventHandlers.consumer("event.partner-view")
 *         .on(PartnerRegistered.class, (p, event) -> model.partner(p.partnerId(), p.name(), event.time()))
 *         .on(AffiliationEnded.class, (a, event) -> model.affiliationEnded(a.affiliationId()))
 *         .build();
 * }</pre>
 */
public final class EventHandlers {

    /** What a handler learns of the event besides its payload. */
    public record Event(String id, String type, String subject, Instant time) {
    }

    /** Applies one event's effect, inside the transaction that records it in the inbox. */
    @FunctionalInterface
    public interface Handler<P> {
        void handle(P payload, Event event);
    }

    record Registration<P>(Class<P> payload, Handler<P> handler) {
        void apply(Object value, Event event) {
            handler.handle(payload.cast(value), event);
        }
    }

    private final String consumer;
    private final Map<String, Registration<?>> byType;
    private final Runnable afterEach;

    private EventHandlers(String consumer, Map<String, Registration<?>> byType, Runnable afterEach) {
        this.consumer = consumer;
        this.byType = Map.copyOf(byType);
        this.afterEach = afterEach;
    }

    /** @param consumer a stable name, the inbox's key: renaming it replays every event */
    public static Builder consumer(String consumer) {
        return new Builder(Objects.requireNonNull(consumer, "consumer"));
    }

    public String consumer() {
        return consumer;
    }

    Registration<?> handler(String type) {
        return byType.get(type);
    }

    Runnable afterEach() {
        return afterEach;
    }

    public static final class Builder {
        private final String consumer;
        private final Map<String, Registration<?>> byType = new LinkedHashMap<>();
        private Runnable afterEach = () -> {
        };

        private Builder(String consumer) {
            this.consumer = consumer;
        }

        /** Handles every event whose payload is {@code payload}, a record of the catalog. */
        public <P extends Record> Builder on(Class<P> payload, Handler<P> handler) {
            EventType type = EventCatalog.byPayload(payload).orElseThrow(() -> new IllegalArgumentException(
                    payload.getName() + " is not an event of the catalog (contracts EventCatalog)"));
            if (byType.putIfAbsent(type.type(), new Registration<>(payload, handler)) != null) {
                throw new IllegalArgumentException("two handlers for " + type.type());
            }
            return this;
        }

        /** Runs after each handled event, in the same transaction (advisory re-checks its seats). */
        public Builder afterEach(Runnable action) {
            this.afterEach = Objects.requireNonNull(action, "action");
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(consumer, byType, afterEach);
        }
    }
}
