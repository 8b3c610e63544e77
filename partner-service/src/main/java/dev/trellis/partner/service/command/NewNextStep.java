package dev.trellis.partner.service.command;

import java.time.LocalDate;

/** A next step: what, who (a staff username, compared case-insensitively) and by when. */
public record NewNextStep(String description, String owner, LocalDate dueOn) {
}
