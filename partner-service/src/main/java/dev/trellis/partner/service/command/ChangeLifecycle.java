package dev.trellis.partner.service.command;

import dev.trellis.partner.domain.LifecycleStatus;
import java.time.LocalDate;

/** Move a partner to another lifecycle status. @param effectiveDate today when null */
public record ChangeLifecycle(LifecycleStatus status, LocalDate effectiveDate, String reason) {
}
