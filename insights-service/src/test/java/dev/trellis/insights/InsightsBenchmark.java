package dev.trellis.insights;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.event.AttendanceRecorded;
import dev.trellis.contracts.event.RegistrationRecorded;
import dev.trellis.contracts.event.RegistrationStatus;
import dev.trellis.contracts.partner.MembershipChangeKind;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.MembershipStatus;
import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.contracts.partner.PartnerLifecycleStatus;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.contracts.partner.TouchpointLogged;
import dev.trellis.contracts.partner.TouchpointType;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * insights-service under load, in-process against the real PostgreSQL and Kafka (docs/benchmarks.md, "Insights"):
 * <ol>
 * <li><b>warm-up</b>: first 3,000 other partners' history the same way, unmeasured (a cold JVM spends much of its
 * first minute compiling: the measured replay should meet the service as it runs, not as it starts);</li>
 * <li><b>replay</b>: 10,000 partners' history, 100,000 events (per partner: registered, membership, four
 * touchpoints, two registrations, two attendances) sent as fast as one producer can to fresh topics; measured from
 * the first send until the inbox holds all of them (every event applied) and until no partner is due a computation
 * (each partner's score computed);</li>
 * <li><b>lag</b>: then a steady 200 touchpoints a second for 30 s, each to a different partner; per event the time
 * from its send to its partner's score being computed ({@code partner_health.computed_at}, set in the computing
 * transaction just before it commits);</li>
 * <li><b>worklist</b>: {@code GET /api/insights/at-risk} (first page, and filtered) over HTTP, p50/p95/p99.</li>
 * </ol>
 * Not part of the test suite (the class name does not end in Test); run it with
 * {@code ./mvnw -B -pl insights-service -am verify -Dtest=InsightsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (PostgreSQL and Kafka up) and record the printed numbers in docs/benchmarks.md. Sizes:
 * {@code -Dbenchmark.partners}, {@code -Dbenchmark.warmup-partners} (0: measure a cold start), {@code -Dbenchmark.rate},
 * {@code -Dbenchmark.steady-seconds}.
 */
@QuarkusTest
@TestProfile(InsightsBenchmark.FreshTopics.class)
class InsightsBenchmark {
    private static final int PARTNERS = Integer.getInteger("benchmark.partners", 10_000);
    private static final int RATE = Integer.getInteger("benchmark.rate", 200);
    private static final int STEADY_SECONDS = Integer.getInteger("benchmark.steady-seconds", 30);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 100);
    /** Partners whose history is replayed first, unmeasured, so that the measured replay meets compiled code. */
    private static final int WARMUP_PARTNERS = Integer.getInteger("benchmark.warmup-partners", 3_000);
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 500);
    private static final String RUN = "b" + System.currentTimeMillis();
    private static final String PARTNER_TOPIC = "bench." + RUN + ".partner-events";
    private static final String EVENT_TOPIC = "bench." + RUN + ".event-events";
    private static final String ADVISORY_TOPIC = "bench." + RUN + ".advisory-events";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** Topics and a consumer group of this run only (nothing left on the test topics is read), and its own database. */
    public static class FreshTopics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            // A database of its own (deploy/local/postgres.sh makes it), wiped at start like the test database.
            config.put("%test.quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/trellis_insights_bench");
            config.put("mp.messaging.incoming.partner-events.topic", PARTNER_TOPIC);
            config.put("mp.messaging.incoming.event-events.topic", EVENT_TOPIC);
            config.put("mp.messaging.incoming.advisory-events.topic", ADVISORY_TOPIC);
            for (String channel : List.of("partner-events", "event-events", "advisory-events")) {
                config.put("mp.messaging.incoming." + channel + ".group.id", "insights-bench-" + RUN);
                config.put("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", "bench." + RUN + ".dlq");
            }
            return config;
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private KafkaProducer<String, String> producer;

    @Test
    void replayLagAndWorklist() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
        StringBuilder report = new StringBuilder();
        report.append(String.format("%nINSIGHTS BENCHMARK run %s: %d partners after %d warm-up partners; load average before: %s%n",
                RUN, PARTNERS, WARMUP_PARTNERS, loadAverage()));
        try {
            if (WARMUP_PARTNERS > 0) {
                replay(WARMUP_PARTNERS, "warm-up replay", report, 0);
            }
            List<UUID> partners = replay(PARTNERS, "replay", report, WARMUP_PARTNERS * 10L);
            lag(partners, report);
            worklist(report);
        } finally {
            producer.close();
        }
        report.append("  load average after: ").append(loadAverage()).append('\n');
        System.out.println(report);
    }

    // ---- 1. replay ---------------------------------------------------------------------------------

    /** Replays {@code count} partners' histories; {@code before} events are in the inbox already. */
    private List<UUID> replay(int count, String label, StringBuilder report, long before) throws Exception {
        List<UUID> partners = new ArrayList<>(count);
        long start = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < count; i++) {
            UUID partner = UUID.randomUUID();
            partners.add(partner);
            // A third renew within 90 days and see no executive: the worklist has rows to sort.
            boolean atRisk = i % 3 == 0;
            LocalDate termStart = TODAY.minusMonths(atRisk ? 11 : 3);
            LocalDate termEnd = termStart.plusYears(1).minusDays(1);
            String tier = i % 10 == 0 ? "GOLD" : "SILVER";
            send(PARTNER_TOPIC, PartnerRegistered.TYPE, partner,
                    new PartnerRegistered(partner, "Bench partner " + i, PartnerLifecycleStatus.ACTIVE, null, "DE", List.of()));
            MembershipTerms terms = new MembershipTerms(tier, null, null, termStart, termEnd, false, 30);
            send(PARTNER_TOPIC, MembershipChanged.TYPE, partner, new MembershipChanged(partner, UUID.randomUUID(), tier,
                    MembershipStatus.CURRENT, termStart, termEnd, 30, false, termStart, MembershipChangeKind.STARTED, terms));
            for (int t = 0; t < 4; t++) {
                send(PARTNER_TOPIC, TouchpointLogged.TYPE, partner, new TouchpointLogged(partner, UUID.randomUUID(),
                        TODAY.minusDays(10L + 30L * t), TouchpointType.MEETING, !atRisk && t == 0, List.of()));
            }
            for (int r = 0; r < 2; r++) {
                UUID event = UUID.randomUUID();
                UUID registration = UUID.randomUUID();
                UUID contact = UUID.randomUUID();
                send(EVENT_TOPIC, RegistrationRecorded.TYPE, partner,
                        new RegistrationRecorded(event, registration, contact, partner, RegistrationStatus.REGISTERED));
                send(EVENT_TOPIC, AttendanceRecorded.TYPE, partner,
                        new AttendanceRecorded(event, registration, contact, partner, r == 0));
            }
            sent += 10;
        }
        producer.flush();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000;
        long applied = 0;
        while (applied < sent && System.nanoTime() < deadline) {
            Thread.sleep(250);
            applied = count("select count(*) from inbox_event where consumer like 'insights.%'") - before;
        }
        double appliedSeconds = (System.nanoTime() - start) / 1e9;
        awaitScores(deadline);
        double drained = (System.nanoTime() - start) / 1e9;
        String line = String.format("  %s: %,d events sent in %.1f s; %,d applied %s %.1f s after the first send, every score"
                + " computed after %.1f s (%.0f events/s)%n",
                label, sent, sendSeconds, applied, applied >= sent ? "all" : "ONLY", appliedSeconds, drained, applied / drained);
        System.out.print("measured:" + line);
        report.append(line);
        return partners;
    }

    /** Until no partner is due for a computation (every applied event's score is computed). */
    private void awaitScores(long deadline) throws Exception {
        while (count("select count(*) from health_due") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    // ---- 2. lag at a steady rate --------------------------------------------------------------------

    private void lag(List<UUID> partners, StringBuilder report) throws Exception {
        int total = RATE * STEADY_SECONDS;
        Map<UUID, Instant> sentAt = new LinkedHashMap<>();
        long periodNanos = 1_000_000_000L / RATE;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            UUID partner = partners.get(i % partners.size());
            Instant at = Instant.now();
            sentAt.put(partner, at);
            send(PARTNER_TOPIC, TouchpointLogged.TYPE, partner,
                    new TouchpointLogged(partner, UUID.randomUUID(), TODAY, TouchpointType.CALL, false, List.of()));
        }
        producer.flush();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long expected = (WARMUP_PARTNERS + PARTNERS) * 10L + total;
        long deadline = System.nanoTime() + 10L * 60 * 1_000_000_000;
        while (count("select count(*) from inbox_event where consumer like 'insights.%'") < expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        awaitScores(deadline);
        long[] lags = new long[sentAt.size()];
        int n = 0;
        int missing = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select computed_at from partner_health where partner_id = ?")) {
            for (Map.Entry<UUID, Instant> e : sentAt.entrySet()) {
                ps.setObject(1, e.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Instant computed = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                        lags[n++] = java.time.Duration.between(e.getValue(), computed).toNanos();
                    } else {
                        missing++;
                    }
                }
            }
        }
        long[] measured = Arrays.copyOf(lags, n);
        Arrays.sort(measured);
        String line = String.format("  lag at %d events/s for %d s (%,d events sent in %.1f s): event to score p50 %.1f ms, p90 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms (%d partners without a score)%n", RATE, STEADY_SECONDS, total, sendSeconds,
                ms(measured, 0.50), ms(measured, 0.90), ms(measured, 0.99), ms(measured, 1.0), missing);
        System.out.print("measured:" + line);
        report.append(line);
    }

    // ---- 3. the worklist -----------------------------------------------------------------------------

    private void worklist(StringBuilder report) throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("at-risk, first page", "/api/insights/at-risk?limit=50");
        cases.put("at-risk, renewal-within=P90D", "/api/insights/at-risk?limit=50&renewal-within=P90D");
        cases.put("at-risk, tier=GOLD", "/api/insights/at-risk?limit=50&tier=GOLD");
        report.append(String.format("  worklist over HTTP (%d requests per case after %d warm-up), %,d partners with a score:%n",
                REQUESTS, WARMUP, count("select count(*) from partner_health")));
        report.append(String.format("    %-32s %8s %8s %8s %6s%n", "case", "p50", "p95", "p99", "rows"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String token = TestTokens.communityTeam();
            int rows = given().auth().oauth2(token).get(c.getValue()).then().statusCode(200)
                    .extract().jsonPath().getList("items").size();
            HttpRequest request = HttpRequest.newBuilder(URI.create(io.restassured.RestAssured.baseURI + ":"
                    + io.restassured.RestAssured.port + c.getValue())).header("Authorization", "Bearer " + token).GET().build();
            for (int i = 0; i < WARMUP; i++) {
                check(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
            }
            long[] nanos = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long t0 = System.nanoTime();
                check(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            String line = String.format("    %-32s %5.1f ms %5.1f ms %5.1f ms %6d%n", c.getKey(), ms(nanos, 0.50),
                    ms(nanos, 0.95), ms(nanos, 0.99), rows);
            System.out.print("measured:" + line);
            report.append(line);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private void send(String topic, String type, UUID key, Record payload) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes(topic.contains("partner") ? "partner-service" : "event-service"));
        headers.add("ce_subject", bytes(key.toString()));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        producer.send(new ProducerRecord<>(topic, null, key.toString(), json.writeValueAsString(payload), headers));
    }

    private static void check(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
