package dev.trellis.insights.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a partner's engagement timeline, from the event that told of it. Its id is derived from the event's
 * id and the partner, so a redelivered event writes the same line again, not a second one.
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TimelineKind kind;
    /** The kind of source record: touchpoint, membership, seat, meeting, registration, sponsorship. */
    @Column(name = "source_type", nullable = false)
    public String sourceType;
    @Column(name = "source_id", nullable = false)
    public UUID sourceId;
    /** The board or event the source record belongs to, if any. */
    @Column(name = "context_id")
    public UUID contextId;
    @Column(nullable = false)
    public boolean executive;
    @Column(nullable = false)
    public String summary;
    /** The line's kind within its kind: a touchpoint's type, a sponsorship's level, a registration's status. */
    public String detail;

    public static UUID idOf(String eventId, UUID partnerId) {
        return UUID.nameUUIDFromBytes((eventId + "/" + partnerId).getBytes(StandardCharsets.UTF_8));
    }
}
