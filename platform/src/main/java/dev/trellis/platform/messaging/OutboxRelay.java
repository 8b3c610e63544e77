package dev.trellis.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka as binary-mode CloudEvents, keyed by aggregate id.
 *
 * <p>One thread per relay. It wakes when a transaction of this process commits outbox rows, and at
 * least every poll interval (rows of other instances, rows left by a crash). While Kafka is down it
 * backs off exponentially and keeps the rows; they go out, in order, once the broker answers.
 *
 * <p>Each row is sent inside a producer span that continues the trace context stored with the row, and the record
 * carries that span's context ({@link TraceContext#writeTo}), so the consumers' spans join the change's trace.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final String name;
    private final OutboxStore store;
    private final OutboxConfig.Relay settings;
    private final IntConsumer published;
    private final Tracer tracer;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Producer<String, String> producer;
    private OutboxStore.Lease lease;

    /** How many rows of a batch, from its start, Kafka acknowledged, and why it stopped short. */
    record Sent(int acknowledged, Exception failure) {
    }

    public OutboxRelay(String name, OutboxStore store, OutboxConfig.Relay settings) {
        this(name, store, settings, count -> {
        });
    }

    /** @param published told how many rows each batch published (the outbox metrics count them) */
    public OutboxRelay(String name, OutboxStore store, OutboxConfig.Relay settings, IntConsumer published) {
        this(name, store, settings, published, OpenTelemetry.noop().getTracer(TRACER));
    }

    /** @param tracer makes the span in which each row is published (a no-op tracer makes none) */
    public OutboxRelay(String name, OutboxStore store, OutboxConfig.Relay settings, IntConsumer published, Tracer tracer) {
        this.name = name;
        this.store = store;
        this.settings = settings;
        this.published = published;
        this.tracer = tracer;
    }

    /** The instrumentation scope of the relay's spans. */
    public static final String TRACER = "dev.trellis.platform.outbox";

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the relay to look for new rows now. Cheap; safe from any thread. */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            wakeups.release();
            try {
                thread.join(settings.sendTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        closeProducer();
        dropLease();
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                backoff = drain() ? Duration.ZERO : nextBackoff(backoff);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Outbox relay %s failed; retrying", name);
                backoff = nextBackoff(backoff);
            }
            Duration wait = backoff.isZero() ? settings.pollInterval() : backoff;
            try {
                if (backoff.isZero()) {
                    wakeups.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                } else {
                    Thread.sleep(wait.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Publishes batches until none is left. @return false if Kafka or the database failed, so the caller backs off. */
    private boolean drain() {
        OutboxStore.Lease lease = lease();
        if (lease == null) {
            return true; // another instance publishes
        }
        try {
            while (running) {
                List<OutboxMessage> batch = lease.pending(settings.batchSize());
                if (batch.isEmpty()) {
                    return true;
                }
                Sent sent = send(batch);
                lease.markPublished(batch.subList(0, sent.acknowledged()));
                published.accept(sent.acknowledged());
                if (sent.failure() != null) {
                    lease.recordFailure(batch.get(sent.acknowledged()), sent.failure());
                    LOG.warnf("Outbox relay %s: Kafka did not acknowledge (%s); %d of %d published, will retry",
                            name, sent.failure().getMessage(), sent.acknowledged(), batch.size());
                    closeProducer();
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            LOG.warnf("Outbox relay %s lost the database (%s); will retry", name, e.getMessage());
            dropLease();
            return false;
        }
    }

    private OutboxStore.Lease lease() {
        if (lease != null && !lease.valid()) {
            dropLease();
        }
        if (lease == null) {
            lease = store.tryLease().orElse(null);
            if (lease != null) {
                LOG.debugf("Outbox relay %s is now the publishing relay", name);
            }
        }
        return lease;
    }

    private void dropLease() {
        if (lease != null) {
            lease.close();
            lease = null;
        }
    }

    private Duration nextBackoff(Duration current) {
        if (current.isZero()) {
            return settings.initialBackoff();
        }
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    /**
     * Sends a batch and waits for every acknowledgement; the producer bounds the wait by its delivery
     * timeout. Only an acknowledged prefix counts, so a failure never lets a later row of an aggregate
     * be marked published before an earlier one.
     */
    private Sent send(List<OutboxMessage> batch) {
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        Exception failure = null;
        try {
            // Learn every topic's partitions first: a send that fails on missing metadata must not let the
            // rows behind it go out, or they would be published before it, and then again.
            batch.stream().map(OutboxMessage::topic).distinct().forEach(kafka::partitionsFor);
            for (OutboxMessage message : batch) {
                Span span = publishSpan(message);
                spans.add(span);
                acks.add(kafka.send(toRecord(message, TraceContext.of(Context.root().with(span)))));
            }
            kafka.flush();
        } catch (RuntimeException e) {
            failure = e;
        }
        int acknowledged = 0;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
                acknowledged++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            } catch (Exception e) {
                failure = e;
                break;
            }
        }
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            if (i >= acknowledged) {
                span.setStatus(StatusCode.ERROR, "not acknowledged; the row stays unpublished");
                if (i == acknowledged && failure != null) {
                    span.recordException(failure);
                }
            }
            span.end();
        }
        return new Sent(acknowledged, acknowledged == batch.size() ? null : failure);
    }

    /** The producer span of one row: a child of the context stored with it, or a new trace for a row without one. */
    private Span publishSpan(OutboxMessage message) {
        return tracer.spanBuilder(message.topic() + " publish")
                .setParent(message.trace().asParent())
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", message.topic())
                .setAttribute("messaging.message.id", message.id().toString())
                .setAttribute("messaging.kafka.message.key", message.aggregateId())
                .setAttribute("cloudevents.event_type", message.type())
                .startSpan();
    }

    static ProducerRecord<String, String> toRecord(OutboxMessage message) {
        return toRecord(message, message.trace());
    }

    /** @param trace the context the record carries: the relay's span for the row */
    static ProducerRecord<String, String> toRecord(OutboxMessage message, TraceContext trace) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.ID, bytes(message.id().toString()));
        headers.add(CloudEventHeaders.TYPE, bytes(message.type()));
        headers.add(CloudEventHeaders.SOURCE, bytes(message.source()));
        headers.add(CloudEventHeaders.SUBJECT, bytes(message.aggregateId()));
        headers.add(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(message.occurredAt())));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        trace.writeTo(headers);
        return new ProducerRecord<>(message.topic(), null, message.aggregateId(), message.data(), headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            int timeout = (int) settings.sendTimeout().toMillis();
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + name);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5000, timeout));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeout, 5000 + 1));
            // While the broker is unreachable, fail fast and back off rather than block for the whole delivery timeout.
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5000, timeout));
            props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf(e, "Closing the producer of relay %s failed", name);
            }
            producer = null;
        }
    }
}
