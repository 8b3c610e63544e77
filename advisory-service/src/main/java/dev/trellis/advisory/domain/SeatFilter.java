package dev.trellis.advisory.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a list of seats may be narrowed to ({@code ?status=}): a {@link SeatStatus} today, or the seats needing a look. */
public enum SeatFilter {
    UPCOMING, HELD, ENDED, VACATED,
    /** With an open flag of the policy. */
    FLAGGED,
    /** Voting suspended by the attendance rule. */
    SUSPENDED;

    /** The filter named {@code value} (case-insensitive); empty if there is none. */
    public static Optional<SeatFilter> parse(String value) {
        return Arrays.stream(values()).filter(f -> f.name().equals(value.strip().toUpperCase(Locale.ROOT))).findFirst();
    }
}
