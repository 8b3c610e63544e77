package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Boards;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Mailbox;
import dev.trellis.e2e.support.Meetups;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The issue's "done when": a contact with a seat, key-contact roles, touchpoints, registrations (as the contact and as
 * a guest under the same address), consents and sent mails is erased; once every service has confirmed (the erasure
 * request's status), neither the name nor the address is in any table of any Trellis database (every text, varchar,
 * json and jsonb column, found from information_schema) nor on any Trellis topic (read from the beginning by a fresh
 * consumer group, values and headers). The statistics' rows stay, as placeholders.
 *
 * <p>Needs the whole stack and direct access to PostgreSQL ({@code TRELLIS_DB_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/}; user and password {@code TRELLIS_DB_USER}/{@code TRELLIS_DB_PASSWORD},
 * default trellis/trellis) and Kafka ({@code TRELLIS_KAFKA}, default 127.0.0.1:9092).
 */
class ErasureLeavesNoTraceIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final List<String> DATABASES = List.of("trellis_partner", "trellis_advisory", "trellis_event",
            "trellis_insights", "trellis_webhook");
    private static final List<String> TOPICS = List.of("trellis.partner.events", "trellis.advisory.events",
            "trellis.event.events", "trellis.insights.events");
    private static final String TOC = """
            {"seats":[{"kind":"ELECTED","count":5}],"quorum":{"numerator":1,"denominator":2}}""";

    @Test
    void afterTheErasureNoDatabaseAndNoTopicHoldsTheNameOrTheAddress() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String first = "Tracy";
        String last = "Traceless" + suffix;
        String email = Mailbox.address("traceless." + suffix);
        LocalDate today = LocalDate.now();

        // a partner of the test's own with a membership, so its key-contact roles are the test's
        String partner = created(Http.call(Caller.TEAM, "POST", api("/api/partners"),
                "{\"name\": \"No Trace " + suffix + "\", \"lifecycleStatus\": \"ACTIVE\"}"));
        ok(Http.call(Caller.STAFF, "PUT", api("/api/partners/" + partner + "/membership"), """
                {"tier": "GOLD", "termStart": "%s", "termEnd": "%s", "autoRenew": false}
                """.formatted(today.minusMonths(6), today.plusMonths(6))));
        String contact = created(Http.call(Caller.TEAM, "POST", api("/api/contacts"), """
                {"firstName": "%s", "lastName": "%s", "email": "%s", "phone": "+49 30 1234567", "jobTitle": "CTO"}
                """.formatted(first, last, email)));
        created(Http.call(Caller.TEAM, "POST", api("/api/contacts/" + contact + "/affiliations"),
                "{\"partnerId\": \"" + partner + "\", \"role\": \"EXECUTIVE_SPONSOR\", \"startDate\": \"2024-01-01\"}"));
        ok(Http.call(Caller.TEAM, "PUT", api("/api/contacts/" + contact + "/consents/MARKETING_EMAIL"),
                "{\"granted\": true, \"source\": \"WEB_FORM\"}"));
        ok(Http.call(Caller.TEAM, "PUT", api("/api/contacts/" + contact + "/consents/EVENT_PHOTOS"),
                "{\"granted\": false, \"source\": \"WEB_FORM\"}"));
        for (String role : List.of("PRIMARY", "TECHNICAL")) {
            ok(Http.call(Caller.STAFF, "PUT", api("/api/partners/" + partner + "/membership/key-contacts/" + role),
                    "{\"contactId\": \"" + contact + "\"}"));
        }
        String touchpoint = created(Http.call(Caller.TEAM, "POST", api("/api/partners/" + partner + "/touchpoints"), """
                {"occurredOn": "%s", "type": "MEETING", "summary": "Roadmap with %s %s",
                 "notes": "Reach %s %s at %s. %s asked for the roadmap", "attendeeContactIds": ["%s"], "attendeeStaff": ["cora"]}
                """.formatted(today.minusDays(1), first, last, first, last, email, last, contact)));
        created(Http.call(Caller.TEAM, "POST", api("/api/touchpoints/" + touchpoint + "/next-steps"), """
                {"description": "Send %s %s the slides", "owner": "cora", "dueOn": "%s"}
                """.formatted(first, last, today.plusDays(7))));

        // a seat on a board of the test's own, once advisory-service knows the contact
        String board = Boards.withPolicy("No Trace Board " + suffix, "GOVERNING_BOARD", TOC);
        String appointment = """
                {"holderContactId": "%s", "partnerId": null, "kind": "ELECTED", "tierBasis": null,
                 "termStart": "%s", "termEnd": "%s"}""".formatted(contact, today.minusMonths(1), today.plusYears(1));
        Http.Response seat = Meetups.poll(() -> Http.call(Caller.STAFF, "POST", api("/api/boards/" + board + "/seats"),
                appointment), r -> r.status() == 201, PATIENCE);
        String seatId = created(seat);
        // a meeting ahead: partner-service mails the holder the invitation
        created(Http.call(Caller.STAFF, "POST", api("/api/boards/" + board + "/meetings"), """
                {"title": "Budget review", "startsAt": "%sT16:00:00", "timeZone": "Europe/Berlin", "durationMinutes": 60}
                """.formatted(today.plusDays(14))));

        // registrations: as the contact (once event-service knows the affiliation), and as a guest under the address
        String meetup = Meetups.open("No trace " + suffix);
        String guestMeetup = Meetups.open("No trace, guest " + suffix);
        String asContact = "{\"contactId\": \"" + contact + "\", \"name\": \"" + first + " " + last + "\", \"email\": \""
                + email + "\"}";
        Http.Response registered = Meetups.poll(() -> Http.call(Caller.TEAM, "POST",
                api("/api/events/" + meetup + "/registrations"), asContact), r -> r.status() != 400, PATIENCE);
        String registration = created(registered);
        String guestRegistration = created(Http.call(Caller.TEAM, "POST", api("/api/events/" + guestMeetup + "/registrations"),
                "{\"name\": \"" + first + " " + last + "\", \"email\": \"" + email.toUpperCase(Locale.ROOT) + "\"}"));
        assertTrue(Mailbox.await(email, 3).size() >= 3, "the registration mails and the invitation were sent");

        Http.Response erasure = Http.call(Caller.STAFF, "POST", api("/api/contacts/" + contact + "/erasure"), null);
        assertEquals(200, erasure.status(), erasure.toString());
        Http.Response done = Meetups.poll(() -> Http.get(Caller.STAFF, api("/api/contacts/" + contact + "/erasure")),
                r -> r.status() == 200 && "DONE".equals(r.json().path("status").asText()), PATIENCE);
        assertEquals("DONE", done.json().path("status").asText(), "every service confirmed: " + done);
        List<String> services = new ArrayList<>();
        for (JsonNode step : done.json().get("services")) {
            services.add(step.get("service").asText());
        }
        assertEquals(List.of("advisory", "event", "insights", "partner"), services);

        List<String> needles = List.of(email.toLowerCase(Locale.ROOT), last.toLowerCase(Locale.ROOT),
                (first + " " + last).toLowerCase(Locale.ROOT));
        List<String> found = new ArrayList<>();
        for (String database : DATABASES) {
            found.addAll(searchDatabase(database, needles));
        }
        found.addAll(searchTopics(needles));
        assertEquals(List.of(), found, "the person is still somewhere");

        // the statistics keep their rows, about nobody
        assertEquals(200, Http.get(Caller.TEAM, api("/api/events/" + meetup + "/registrations/" + registration)).status());
        assertEquals(200, Http.get(Caller.TEAM, api("/api/events/" + guestMeetup + "/registrations/" + guestRegistration))
                .status());
        assertEquals(1, count("trellis_advisory", "select count(*) from seat where id = ?::uuid and vacate_reason = 'erased'",
                seatId));
        assertEquals(1, count("trellis_partner", "select count(*) from touchpoint_attendee where contact_id = ?::uuid",
                contact), "the attendance stays, linked to the placeholder");

        assertEquals(200, Meetups.status(meetup, "CANCELLED").status());
        assertEquals(200, Meetups.status(guestMeetup, "CANCELLED").status());
    }

    /** "table.column" of every text, varchar, json and jsonb column of the database that holds one of the needles. */
    private static List<String> searchDatabase(String database, List<String> needles) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection db = connect(database)) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("""
                    select c.table_schema, c.table_name, c.column_name from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where c.table_schema not in ('pg_catalog', 'information_schema') and t.table_type = 'BASE TABLE'
                      and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
                    order by 1, 2, 3""");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            assertFalse(columns.isEmpty(), database + " has text columns");
            for (String[] c : columns) {
                String column = quoted(c[2]);
                String sql = "select count(*) from " + quoted(c[0]) + "." + quoted(c[1]) + " where "
                        + String.join(" or ", needles.stream().map(n -> "strpos(lower(" + column + "::text), ?) > 0").toList());
                try (PreparedStatement q = db.prepareStatement(sql)) {
                    for (int i = 0; i < needles.size(); i++) {
                        q.setString(i + 1, needles.get(i));
                    }
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(database + ": " + c[1] + "." + c[2] + " (" + rs.getLong(1) + " rows)");
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every record of the Trellis topics, from the beginning to their current end, whose value or a header holds a needle. */
    private static List<String> searchTopics(List<String> needles) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("TRELLIS_KAFKA", "127.0.0.1:9092"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-no-trace-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                assertFalse(infos == null || infos.isEmpty(), "topic " + topic + " exists");
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            long read = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertTrue(Instant.now().isBefore(deadline), "read the topics to their end in time");
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    read++;
                    StringBuilder text = new StringBuilder(String.valueOf(r.key())).append(' ').append(r.value());
                    for (Header h : r.headers()) {
                        text.append(' ').append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    String lower = text.toString().toLowerCase(Locale.ROOT);
                    if (needles.stream().anyMatch(lower::contains)) {
                        found.add(r.topic() + "-" + r.partition() + "@" + r.offset());
                    }
                }
            }
            assertTrue(read > 0, "the topics were read");
        }
        return found;
    }

    private static long count(String database, String sql, String id) throws SQLException {
        try (Connection db = connect(database); PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection connect(String database) throws SQLException {
        String base = System.getenv().getOrDefault("TRELLIS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/");
        return DriverManager.getConnection(base + database, System.getenv().getOrDefault("TRELLIS_DB_USER", "trellis"),
                System.getenv().getOrDefault("TRELLIS_DB_PASSWORD", "trellis"));
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String created(Http.Response response) {
        assertEquals(201, response.status(), response.toString());
        JsonNode id = response.json().get("id");
        if (id != null) {
            return id.asText();
        }
        String location = response.headers().entrySet().stream().filter(h -> "location".equalsIgnoreCase(h.getKey()))
                .map(h -> h.getValue().get(0)).findFirst().orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void ok(Http.Response response) {
        assertTrue(response.status() == 200 || response.status() == 201, response.toString());
    }

    private static URI api(String path) {
        return URI.create(Stack.GATEWAY + path);
    }
}
