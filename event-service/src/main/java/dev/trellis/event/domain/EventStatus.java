package dev.trellis.event.domain;

import java.util.Set;

/** An event is drafted, published, and then held (completed) or called off (cancelled). */
public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED, COMPLETED;

    /** draft → published | cancelled; published → completed | cancelled; the last two are final. */
    public boolean canMoveTo(EventStatus target) {
        return switch (this) {
            case DRAFT -> Set.of(PUBLISHED, CANCELLED).contains(target);
            case PUBLISHED -> Set.of(COMPLETED, CANCELLED).contains(target);
            case CANCELLED, COMPLETED -> false;
        };
    }
}
