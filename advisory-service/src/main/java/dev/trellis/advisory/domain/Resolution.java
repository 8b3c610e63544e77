package dev.trellis.advisory.domain;

import dev.trellis.advisory.domain.policy.Decision;
import dev.trellis.platform.persistence.Created;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A resolution put to a meeting, with each voting member's vote and the outcome under the board's rule. */
@Entity
@Table(name = "resolution")
public class Resolution extends Created {
    @Id
    public UUID id;
    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;
    @Column(nullable = false)
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision.Outcome outcome;
    @Column(name = "yes_votes", nullable = false)
    public int yes;
    @Column(name = "no_votes", nullable = false)
    public int no;
    @Column(nullable = false)
    public int abstentions;
    /** The votes as a JSON array of {seatId, vote}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String votes;
}
