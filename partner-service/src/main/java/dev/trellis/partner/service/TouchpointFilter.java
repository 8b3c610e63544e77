package dev.trellis.partner.service;

import dev.trellis.partner.domain.TouchpointType;
import java.time.LocalDate;

/** Optional filters of a partner's touchpoint list; a null field does not filter. Dates are inclusive. */
public record TouchpointFilter(TouchpointType type, Boolean executive, LocalDate from, LocalDate to) {
}
