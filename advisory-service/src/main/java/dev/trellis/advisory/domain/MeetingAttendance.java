package dev.trellis.advisory.domain;

import dev.trellis.advisory.domain.policy.Presence;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One seat's attendance at one meeting. */
@Entity
@Table(name = "meeting_attendance")
public class MeetingAttendance extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;
    @Column(name = "seat_id", nullable = false)
    public UUID seatId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Presence presence;
}
