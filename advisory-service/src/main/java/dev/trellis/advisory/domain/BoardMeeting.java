package dev.trellis.advisory.domain;

import dev.trellis.platform.audit.AuditMasked;
import dev.trellis.platform.persistence.Created;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

/** A meeting of a board, at an instant and in the time zone it is planned in. */
@AuditMasked({"agenda", "minutes"})
@Entity
@Table(name = "board_meeting")
public class BoardMeeting extends Created {
    @Id
    public UUID id;
    @Column(name = "board_id", nullable = false)
    public UUID boardId;
    @Column(nullable = false)
    public String title;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;
    public String agenda;
    public String venue;
    @Column(name = "online_url")
    public String onlineUrl;
    public String minutes;
    /** Null until attendance is recorded. */
    @Column(name = "quorum_met")
    public Boolean quorumMet;
    /** Closed: attendance applied to voting rights and board-meeting-held published. */
    @Column(nullable = false)
    public boolean held;
    @Version
    public long version;

    public ZonedDateTime start() {
        return startsAt.atZone(ZoneId.of(timeZone));
    }

    /** The meeting's date where it is held: the day seats must be held on to be expected. */
    public LocalDate localDate() {
        return start().toLocalDate();
    }
}
