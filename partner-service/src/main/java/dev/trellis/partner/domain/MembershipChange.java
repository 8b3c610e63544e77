package dev.trellis.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a membership's history; written once, never changed. */
@Entity
@Table(name = "membership_change")
public class MembershipChange extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "membership_id", nullable = false)
    public UUID membershipId;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipChangeKind kind;
    @Column(nullable = false)
    public String tier;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipStatus status;
    @Column(name = "term_start", nullable = false)
    public LocalDate termStart;
    @Column(name = "term_end", nullable = false)
    public LocalDate termEnd;
    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
