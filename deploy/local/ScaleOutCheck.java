// Kafka side of the scale-out proof (deploy/local/scale-out.sh), run as a single-file program on the
// kafka-clients classpath:
//   java -cp "<kafka-clients.jar>:<slf4j-api.jar>" deploy/local/ScaleOutCheck.java COMMAND BOOTSTRAP ARGS...
//
//   create-topic B TOPIC PARTITIONS   create a topic (replication factor 1)
//   group B GROUP                     print the group's members (end of member id) and partitions:
//                                     "members=2 3f9a1c2e:[0,2,4] 77b0d1aa:[1,3,5]"
//   verify-topic B TOPIC EXPECTED     read the whole topic and print, as key=value lines:
//                                     records, distinct ids, duplicates (same ce_id twice),
//                                     order violations (a key's "#<seq>" not increasing along the
//                                     partition), partitions used, keys; exit 1 if records != EXPECTED,
//                                     duplicates > 0 or violations > 0
//   delete-topics B PREFIX            delete every topic whose name starts with PREFIX
//   end-offsets B TOPIC               print the sum of the topic's end offsets (0 if it does not exist)

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

public class ScaleOutCheck {
    private static final Pattern SEQ = Pattern.compile("#(\\d+)\"");

    public static void main(String[] args) throws Exception {
        String command = args[0];
        String bootstrap = args[1];
        Map<String, Object> common = Map.of("bootstrap.servers", bootstrap);
        switch (command) {
            case "create-topic" -> {
                try (Admin admin = Admin.create(common)) {
                    admin.createTopics(List.of(new NewTopic(args[2], Integer.parseInt(args[3]), (short) 1))).all().get();
                }
            }
            case "group" -> {
                try (Admin admin = Admin.create(common)) {
                    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(args[2])).all().get().get(args[2]);
                    StringBuilder out = new StringBuilder("members=" + group.members().size());
                    for (MemberDescription m : group.members()) {
                        Set<Integer> parts = new TreeSet<>();
                        m.assignment().topicPartitions().forEach(tp -> parts.add(tp.partition()));
                        out.append(" ").append(m.consumerId().substring(Math.max(0, m.consumerId().length() - 8))).append(":").append(parts.toString().replace(" ", ""));
                    }
                    System.out.println(out);
                }
            }
            case "verify-topic" -> System.exit(verify(common, args[2], Long.parseLong(args[3])));
            case "delete-topics" -> {
                try (Admin admin = Admin.create(common)) {
                    List<String> topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith(args[2])).toList();
                    if (!topics.isEmpty()) {
                        admin.deleteTopics(topics).all().get();
                    }
                    System.out.println("deleted " + topics);
                }
            }
            case "end-offsets" -> {
                try (Admin admin = Admin.create(common)) {
                    if (!admin.listTopics().names().get().contains(args[2])) {
                        System.out.println(0);
                        return;
                    }
                }
                Map<String, Object> props = new HashMap<>(common);
                props.put("key.deserializer", StringDeserializer.class.getName());
                props.put("value.deserializer", StringDeserializer.class.getName());
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                    List<TopicPartition> partitions = new ArrayList<>();
                    consumer.partitionsFor(args[2], Duration.ofSeconds(10))
                            .forEach(p -> partitions.add(new TopicPartition(args[2], p.partition())));
                    System.out.println(consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum());
                }
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    private static int verify(Map<String, Object> common, String topic, long expected) {
        Map<String, Object> props = new HashMap<>(common);
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        props.put("enable.auto.commit", "false");
        long records = 0;
        Set<String> ids = new HashSet<>();
        Map<String, Integer> lastSeq = new HashMap<>();
        Set<Integer> partitionsUsed = new TreeSet<>();
        long violations = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    partitionsUsed.add(r.partition());
                    Header id = r.headers().lastHeader("ce_id");
                    ids.add(id == null ? "missing-" + records : new String(id.value(), StandardCharsets.UTF_8));
                    Matcher m = SEQ.matcher(r.value() == null ? "" : r.value());
                    if (m.find()) {
                        int seq = Integer.parseInt(m.group(1));
                        Integer previous = lastSeq.put(r.key(), seq);
                        if (previous != null && seq <= previous) {
                            violations++;
                        }
                    }
                }
            }
        }
        long duplicates = records - ids.size();
        System.out.println("records=" + records);
        System.out.println("distinct_ids=" + ids.size());
        System.out.println("duplicates=" + duplicates);
        System.out.println("order_violations=" + violations);
        System.out.println("keys=" + lastSeq.size());
        System.out.println("partitions_used=" + partitionsUsed.size());
        return records == expected && duplicates == 0 && violations == 0 ? 0 : 1;
    }
}
