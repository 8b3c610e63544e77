package dev.trellis.partner.domain;

import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.StateConflict;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The days an affiliation covers: from {@code start} to {@code end}, both inclusive; an open range has no
 * end yet. These are the dating rules of affiliations, kept free of persistence so they can be unit tested.
 * A bad date is an {@link InvalidInput} naming the field; a clash with the stored history a {@link StateConflict}.
 */
public record DateRange(LocalDate start, LocalDate end) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw InvalidInput.field("endDate", "must not be before the start date " + start);
        }
    }

    public static DateRange openFrom(LocalDate start) {
        return new DateRange(start, null);
    }

    public boolean isOpen() {
        return end == null;
    }

    /** Whether {@code day} lies within the range. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }

    /** Whether the range has ended before {@code day}. */
    public boolean endedBefore(LocalDate day) {
        return end != null && end.isBefore(day);
    }

    public boolean overlaps(DateRange other) {
        return (other.end == null || !start.isAfter(other.end)) && (end == null || !other.start.isAfter(end));
    }

    /** This range ended on {@code lastDay}. Only an open range can end; it cannot end before it started. */
    public DateRange endingOn(LocalDate lastDay) {
        Objects.requireNonNull(lastDay, "lastDay");
        if (!isOpen()) {
            throw Affiliation.conflict("The affiliation already ended on " + end);
        }
        return new DateRange(start, lastDay);
    }

    /**
     * The range cut short because the person moved to another employer on {@code moveDate}: it ends the day
     * before. A range that starts on or after the move date cannot be ended by it.
     */
    public DateRange endingBeforeMove(LocalDate moveDate) {
        LocalDate lastDay = moveDate.minusDays(1);
        if (lastDay.isBefore(start)) {
            throw InvalidInput.field("date",
                    "must be after the start (" + start + ") of every open affiliation of the contact");
        }
        return endingOn(lastDay);
    }
}
