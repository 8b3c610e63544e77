package dev.trellis.platform.http;

import dev.trellis.platform.messaging.DeadLetters;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a dead-letter replay did: records read from the channel's dead-letter topic, applied, skipped as duplicates, and
 * the first {@value #MAX_FAILURES} still failing with the reason ({@code failing} counts all of them).
 */
public record DeadLetterReplayResponse(@Schema(maxLength = 100) String channel,
        @Schema(description = "Kafka topic names are at most 249 characters", maxLength = 249) String topic,
        @Schema(minimum = "0", maximum = "2147483647") int read,
        @Schema(minimum = "0", maximum = "2147483647") int applied,
        @Schema(minimum = "0", maximum = "2147483647") int skipped,
        @Schema(minimum = "0", maximum = "2147483647") int failing,
        @Schema(description = "The first " + DeadLetterReplayResponse.MAX_FAILURES + " records still failing",
                maxItems = MAX_FAILURES) List<Failure> stillFailing) {

    static final int MAX_FAILURES = 100;
    static final int MAX_REASON = 2000;

    public record Failure(@Schema(minimum = "0", maximum = "2147483647") int partition,
            @Schema(minimum = "0", maximum = "9223372036854775807") long offset,
            @Schema(description = "The CloudEvent id, if the record had one", maxLength = 200) String eventId,
            @Schema(maxLength = MAX_REASON) String reason) {
    }

    public static DeadLetterReplayResponse of(DeadLetters.Replay r) {
        return new DeadLetterReplayResponse(r.channel(), r.topic(), r.read(), r.applied(), r.skipped(), r.stillFailing().size(),
                r.stillFailing().stream().limit(MAX_FAILURES)
                        .map(f -> new Failure(f.partition(), f.offset(), cut(f.eventId(), 200), cut(f.reason(), MAX_REASON)))
                        .toList());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
