package dev.trellis.event.service;

import dev.trellis.event.domain.EventKind;
import dev.trellis.event.domain.EventStatus;
import java.time.Instant;
import java.util.UUID;

/** Filters of the event list; null means "any". {@code from}/{@code to} bound the start time, to exclusive. */
public record EventFilter(EventStatus status, EventKind kind, Instant from, Instant to, UUID userGroupId) {
}
