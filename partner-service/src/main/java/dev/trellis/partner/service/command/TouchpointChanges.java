package dev.trellis.partner.service.command;

import dev.trellis.partner.domain.TouchpointType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The new values of a touchpoint, as a merge patch ({@code MergePatch<TouchpointChanges>}): only the fields
 * present change. A present null clears the notes or an attendee list (as an empty list does); occurredOn,
 * type and summary cannot be cleared (400 naming the field). A blank {@code notes} clears the notes too.
 */
public record TouchpointChanges(LocalDate occurredOn, TouchpointType type, String summary, String notes,
        List<UUID> attendeeContactIds, List<String> attendeeStaff, Boolean notesDisclosable) {
    public static final String NOTES_DISCLOSABLE = "notesDisclosable";

    public TouchpointChanges(LocalDate occurredOn, TouchpointType type, String summary, String notes,
            List<UUID> attendeeContactIds, List<String> attendeeStaff) {
        this(occurredOn, type, summary, notes, attendeeContactIds, attendeeStaff, null);
    }
}
