package dev.trellis.event.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A conference, summit, meetup, webinar or workshop. */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventKind kind;
    @Column(nullable = false)
    public String title;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    /** IANA zone the event is held in; times are shown in it. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventStatus status;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @PrePersist
    void created() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
