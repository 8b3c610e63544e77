package dev.trellis.advisory.domain.policy;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A seat held, or to be held: by a contact, for a partner (null for a personal seat), from
 * {@code termStart} to {@code termEnd} (inclusive; null for open-ended). {@code tierBasis} is the tier
 * a tier-appointed seat is held under. {@code holderEmployers} are the partners the holder is
 * affiliated with today as the read model knows them, or null if it knows nothing of the holder.
 */
public record Holding(UUID seatId, SeatKind kind, UUID holderContactId, UUID partnerId, String tierBasis,
        LocalDate termStart, LocalDate termEnd, java.util.Set<UUID> holderEmployers) {
    public Holding {
        holderEmployers = holderEmployers == null ? null : java.util.Set.copyOf(holderEmployers);
        if (kind == null || termStart == null) {
            throw new IllegalArgumentException("a holding needs a kind and a term start");
        }
    }

    /** Whether the read model knows the holder no longer works for the partner the seat is held for. */
    public boolean holderLeftPartner() {
        return partnerId != null && holderEmployers != null && !holderEmployers.contains(partnerId);
    }

    public boolean overlaps(LocalDate start, LocalDate end) {
        return (end == null || !termStart.isAfter(end)) && (termEnd == null || !termEnd.isBefore(start));
    }

    public boolean heldOn(LocalDate day) {
        return overlaps(day, day);
    }
}
