package dev.trellis.event.domain;

import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.UUID;

/** A partner's sponsorship of an event. */
@Entity
@Table(name = "sponsorship")
public class Sponsorship extends Timestamped {
    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    /** The partner's name when the sponsorship was agreed. */
    @Column(name = "partner_name", nullable = false)
    public String partnerName;
    /** A level code such as GOLD; an open set. */
    @Column(nullable = false)
    public String level;
    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;
    /** ISO 4217 code. */
    @Column(nullable = false, length = 3)
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SponsorshipStatus status;
    @Version
    public long version;

    /** @throws StateConflict {@code sponsorship-not-proposed} unless it is proposed */
    public void requireProposed() {
        if (status != SponsorshipStatus.PROPOSED) {
            throw StateConflict.of("sponsorship-not-proposed", "Sponsorship not proposed",
                    "A " + status + " sponsorship cannot be confirmed");
        }
    }

    /** @throws StateConflict {@code sponsorship-not-proposed} unless it is proposed */
    public void confirm() {
        requireProposed();
        status = SponsorshipStatus.CONFIRMED;
    }

    /** @throws StateConflict {@code sponsorship-cancelled} if it is cancelled already */
    public void cancel() {
        if (status == SponsorshipStatus.CANCELLED) {
            throw StateConflict.of("sponsorship-cancelled", "Sponsorship cancelled",
                    "The sponsorship is cancelled already");
        }
        status = SponsorshipStatus.CANCELLED;
    }
}
