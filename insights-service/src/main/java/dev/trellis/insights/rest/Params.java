package dev.trellis.insights.rest;

import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.validation.Values;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Query parameters of the insights routes: a bad value is a 400 naming the parameter. */
final class Params {
    private Params() {
    }

    static Set<TimelineKind> kinds(String value) {
        Set<TimelineKind> kinds = EnumSet.noneOf(TimelineKind.class);
        if (value == null || value.isBlank()) {
            return kinds;
        }
        for (String k : value.split(",")) {
            try {
                kinds.add(TimelineKind.valueOf(k.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("kind", "must be one or more, comma-separated, of " + Arrays.toString(TimelineKind.values()));
            }
        }
        return kinds;
    }

    static LocalDate date(String name, String value) {
        return Values.day(name, value);
    }

    static Period period(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Period p = Period.parse(value.trim());
            if (p.isNegative() || p.toTotalMonths() > 120 || p.getDays() > 3660) {
                throw InvalidInput.field(name, "must be a period from P0D to P10Y");
            }
            return p;
        } catch (DateTimeException e) {
            throw InvalidInput.field(name, "must be an ISO 8601 period such as P90D or P3M");
        }
    }

    static int days(String name, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > 3660) {
            throw InvalidInput.field(name, "must be between 1 and 3660");
        }
        return value;
    }
}
