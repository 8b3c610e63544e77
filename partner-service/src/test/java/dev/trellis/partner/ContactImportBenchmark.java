package dev.trellis.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.partner.service.command.RegisterPartner;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Time and heap of a CSV import of 100,000 new contacts, each with one affiliation, over HTTP to the in-process
 * service. Not part of the test suite (the class name does not end in Test); run it with
 * {@code ./mvnw -B -pl partner-service verify -Dtest=ContactImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (PostgreSQL and Kafka up) and record the printed figures in docs/benchmarks.md. The file (about 10 MB) fits the
 * import routes' 64 MiB upload limit.
 */
@QuarkusTest
class ContactImportBenchmark {
    private static final int LINES = Integer.getInteger("benchmark.lines", 100_000);
    private static final int PARTNERS = 100;

    @Inject
    PartnerService partners;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void importsAHundredThousandContactsWithAffiliations() throws Exception {
        for (int p = 0; p < PARTNERS; p++) {
            partners.registerIfAbsent(UUID.nameUUIDFromBytes(("bench-partner-" + p).getBytes(StandardCharsets.UTF_8)),
                    new RegisterPartner("Bench Partner " + p, null, null, List.of("bench-" + p + ".example"), null,
                            null, "CH", null, LifecycleStatus.ACTIVE));
        }
        Path file = Files.createTempFile("contacts-bench-", ".csv");
        String[] roles = {"DEVELOPER", "TECHNICAL_LEAD", "MARKETING", "BILLING", "EXECUTIVE_SPONSOR", "VOTING_CONTACT"};
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("email,firstName,lastName,phone,jobTitle,role,startDate\r\n");
            for (int i = 0; i < LINES; i++) {
                out.write("person" + i + "@bench-" + (i % PARTNERS) + ".example,Person,Number" + i + ",+41 44 "
                        + (100 + i % 900) + " " + (i % 10_000) + ",Engineer," + roles[i % roles.length] + ",2024-"
                        + String.format("%02d-%02d", 1 + i % 12, 1 + i % 28) + "\r\n");
            }
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicLong peakLive = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                // what the last collection left of each heap pool: the live set, garbage aside
                long live = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP
                                && pool.getCollectionUsage() != null)
                        .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
                peakLive.accumulateAndGet(live, Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        sampler.start();
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        HttpResponse<Path> response = client.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/contacts/imports?dryRun=false"))
                        .header("Authorization", "Bearer " + TestTokens.communityTeam())
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofFile(Files.createTempFile("contacts-bench-report-", ".csv")));
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        assertEquals(200, response.statusCode());
        Map<String, Long> outcomes;
        try (var lines = Files.lines(response.body())) {
            outcomes = lines.skip(1).map(l -> l.split(",")[2]).collect(Collectors.groupingBy(o -> o,
                    Collectors.counting()));
        }
        System.out.printf("BENCHMARK contact import: %,d lines (%,d bytes) in %.1f s = %.0f lines/s; outcomes %s;"
                        + " heap before %d MiB, peak used %d MiB, peak after a collection %d MiB (max %d MiB)%n",
                LINES, Files.size(file), seconds, LINES / seconds, outcomes, heapBefore >> 20, peak.get() >> 20,
                peakLive.get() >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20);
        assertEquals(Map.of("created", (long) LINES), outcomes);
        Files.deleteIfExists(file);
        Files.deleteIfExists(response.body());
    }
}
