package dev.trellis.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Consumer lag as the broker sees it: {@code trellis.consumer.lag}, tagged by {@code group}, {@code topic} and
 * {@code partition}, is the number of records of a partition beyond the offset the group has committed (from the
 * partition's start while the group has committed nothing). It is computed from the group's committed offsets and
 * the partitions' end offsets with an admin client, every {@code trellis.consumer.lag-interval}, for every Kafka
 * channel this service consumes ({@code mp.messaging.incoming.<channel>.topic} and {@code .group.id}). Computed
 * rather than taken from the Kafka client's {@code records-lag}, which only moves when the consumer fetches: a
 * consumer that stalls, is paused or has died stops fetching, and its lag must rise exactly then. A gauge is NaN
 * while Kafka cannot be asked.
 */
@ApplicationScoped
public class ConsumerLag {
    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final String INCOMING = "mp.messaging.incoming.";

    /** A group reading a topic. */
    record Watched(String group, String topic) {
    }

    private record Key(String group, String topic, int partition) {
    }

    private final MeterRegistry registry;
    private final Config config;
    private final ConsumerConfig consumerConfig;
    private final Set<Watched> watched = new CopyOnWriteArraySet<>();
    private final Map<Key, Double> lags = new ConcurrentHashMap<>();
    private volatile Admin admin;
    private ScheduledExecutorService timer;

    public ConsumerLag(MeterRegistry registry, Config config, ConsumerConfig consumerConfig) {
        this.registry = registry;
        this.config = config;
        this.consumerConfig = consumerConfig;
    }

    void onStart(@Observes StartupEvent event) {
        watched.addAll(channels(config));
        if (watched.isEmpty() || consumerConfig.lagInterval().isZero()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "trellis-consumer-lag");
            thread.setDaemon(true);
            return thread;
        });
        long every = consumerConfig.lagInterval().toMillis();
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        Admin a = admin;
        if (a != null) {
            a.close(java.time.Duration.ofSeconds(2));
        }
    }

    /** The groups and topics of this service's Kafka channels, as configured. */
    static Set<Watched> channels(Config config) {
        Set<Watched> found = new LinkedHashSet<>();
        String application = config.getOptionalValue("quarkus.application.name", String.class).orElse(null);
        String defaultGroup = config.getOptionalValue("kafka.group.id", String.class).orElse(application);
        Set<String> channels = new HashSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(INCOMING) && name.indexOf('.', INCOMING.length()) > 0) {
                channels.add(name.substring(INCOMING.length(), name.indexOf('.', INCOMING.length())));
            }
        }
        for (String channel : channels) {
            String prefix = INCOMING + channel + ".";
            String connector = config.getOptionalValue(prefix + "connector", String.class).orElse("smallrye-kafka");
            if (!connector.equals("smallrye-kafka")) {
                continue;
            }
            String topic = config.getOptionalValue(prefix + "topic", String.class).orElse(channel);
            String group = config.getOptionalValue(prefix + "group.id", String.class).orElse(defaultGroup);
            if (group != null && !topic.isBlank() && !topic.contains(",")) {
                found.add(new Watched(group, topic));
            }
        }
        return found;
    }

    /** Also reports the lag of {@code group} on {@code topic} (tests; a channel's pair is found by itself). */
    void watch(String group, String topic) {
        watched.add(new Watched(group, topic));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debugf("consumer lag unavailable: %s", e.toString());
        }
    }

    /** Asks the broker once for every watched group and topic and updates the gauges. */
    void refresh() {
        try {
            Admin a = admin();
            Set<String> topics = new HashSet<>();
            watched.forEach(w -> topics.add(w.topic()));
            Map<String, TopicDescription> descriptions = new HashMap<>();
            for (String topic : topics) {
                try {
                    descriptions.put(topic, a.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic));
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.debugf("topic %s not readable yet: %s", topic, e.getCause());
                }
            }
            List<TopicPartition> partitions = new ArrayList<>();
            descriptions.forEach((topic, d) -> d.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            Map<TopicPartition, Long> end = offsets(a, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(a, partitions, OffsetSpec.earliest());
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            for (Watched w : watched) {
                if (!descriptions.containsKey(w.topic())) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = committed.computeIfAbsent(w.group(), g -> committed(a, g));
                for (TopicPartition tp : partitions) {
                    if (!tp.topic().equals(w.topic())) {
                        continue;
                    }
                    OffsetAndMetadata at = offsets.get(tp);
                    long from = at != null ? at.offset() : start.getOrDefault(tp, 0L);
                    set(new Key(w.group(), w.topic(), tp.partition()), Math.max(0, end.getOrDefault(tp, from) - from));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lags.replaceAll((k, v) -> Double.NaN);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            lags.replaceAll((k, v) -> Double.NaN);
            throw new IllegalStateException("consumer lag unavailable: " + e, e);
        }
    }

    /** The current value of one gauge, NaN if unknown (tests). */
    double lag(String group, String topic, int partition) {
        return lags.getOrDefault(new Key(group, topic, partition), Double.NaN);
    }

    private void set(Key key, long lag) {
        if (lags.put(key, (double) lag) == null) {
            Gauge.builder("trellis.consumer.lag", lags, l -> l.getOrDefault(key, Double.NaN))
                    .description("Records of a topic partition beyond the offset the consumer group has committed")
                    .tag("group", key.group()).tag("topic", key.topic()).tag("partition", Integer.toString(key.partition()))
                    .register(registry);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin a, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        if (!request.isEmpty()) {
            a.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> result.put(tp, info.offset()));
        }
        return result;
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin a, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = a.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
            offsets.forEach((tp, o) -> {
                if (o != null) {
                    present.put(tp, o);
                }
            });
            return present;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("offsets of group " + group + ": " + e, e);
        }
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties props = new Properties();
                    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse("127.0.0.1:9092"));
                    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "trellis-consumer-lag");
                    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
                    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
                    admin = Admin.create(props);
                }
                a = admin;
            }
        }
        return a;
    }
}
