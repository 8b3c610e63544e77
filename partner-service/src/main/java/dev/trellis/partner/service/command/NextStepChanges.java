package dev.trellis.partner.service.command;

import java.time.LocalDate;

/**
 * The new values of a next step, as a merge patch ({@code MergePatch<NextStepChanges>}): only the fields
 * present change; none of them can be cleared (a present null is a 400 naming the field).
 */
public record NextStepChanges(String description, String owner, LocalDate dueOn, Boolean done) {
}
