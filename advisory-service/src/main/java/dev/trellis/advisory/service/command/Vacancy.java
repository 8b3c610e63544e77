package dev.trellis.advisory.service.command;

import java.time.LocalDate;

/** Vacate a seat from {@code effectiveDate} (the first vacant day; null: today), for {@code reason}. */
public record Vacancy(LocalDate effectiveDate, String reason) {
    public static final Vacancy TODAY = new Vacancy(null, null);
}
