package dev.trellis.platform.validation;

import dev.trellis.platform.domain.InvalidInput;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Limits on values from outside that the database (and any reader) can hold: dates and instants between the years
 * 1 and 9999 (ISO 8601 without an expanded year; PostgreSQL rejects {@code +999999999-12-31}), and text without
 * the NUL character (PostgreSQL cannot store it). Each refusal is an {@link InvalidInput} naming the field.
 */
public final class Values {
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private Values() {
    }

    /** Whether {@code day} is within the years 1 to 9999. */
    public static boolean inRange(LocalDate day) {
        return day.getYear() >= MIN_YEAR && day.getYear() <= MAX_YEAR;
    }

    public static boolean inRange(Instant at) {
        int year = at.atOffset(ZoneOffset.UTC).getYear();
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** Whether {@code text} holds a NUL character. */
    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /**
     * A day given as text (a query parameter): null for none, else an ISO date within the years 1 to 9999.
     *
     * @throws InvalidInput on {@code field} otherwise
     */
    public static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw InvalidInput.field(field, "must be a date (YYYY-MM-DD)");
        }
        if (!inRange(day)) {
            throw InvalidInput.field(field, "must be a date between the years " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return day;
    }
}
