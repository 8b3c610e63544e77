package dev.trellis.advisory.domain.policy;

import java.util.List;

/**
 * A board's seat policy, stored as data (a JSON document) and edited by staff. Every part is
 * optional: an empty policy allows any appointment.
 *
 * @param tiers            tier-appointed seats per membership tier
 * @param seats            elected, community and ex-officio seat counts
 * @param totalSeats       the most seats the board has in all (CNCF TOC: 11); null for no limit
 * @param activations      seat kinds that exist only once enough seats of another kind are filled
 * @param caps             caps per company group or organisation
 * @param terms            term length, start day, staggering and limits
 * @param seatEndsWhenHolderLeavesEmployer the seat ends when its holder's affiliation with the
 *                         partner it is held for ends (CNCF end-user board)
 * @param holderMustWorkForPartner a seat held for a partner needs a holder affiliated with it
 * @param attendance       when voting is suspended and restored; null for never
 * @param quorum           the fraction of voting seats that must be present; null for no quorum
 * @param decision         when a resolution passes; null for a simple majority of those present
 */
public record SeatPolicy(
        List<TierEntitlement> tiers,
        List<SeatAllotment> seats,
        Integer totalSeats,
        List<ActivationThreshold> activations,
        List<CompanyCap> caps,
        TermRule terms,
        boolean seatEndsWhenHolderLeavesEmployer,
        boolean holderMustWorkForPartner,
        AttendanceRule attendance,
        Fraction quorum,
        DecisionRule decision) {

    public SeatPolicy {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        seats = seats == null ? List.of() : List.copyOf(seats);
        activations = activations == null ? List.of() : List.copyOf(activations);
        caps = caps == null ? List.of() : List.copyOf(caps);
        terms = terms == null ? TermRule.none() : terms;
        decision = decision == null ? DecisionRule.majorityOfPresent() : decision;
        if (totalSeats != null && totalSeats < 0) {
            throw new IllegalArgumentException("totalSeats must not be negative");
        }
        if (tiers.stream().map(TierEntitlement::tier).distinct().count() != tiers.size()) {
            throw new IllegalArgumentException("each tier appears once");
        }
        if (seats.stream().map(SeatAllotment::kind).distinct().count() != seats.size()) {
            throw new IllegalArgumentException("each seat kind appears once");
        }
    }

    /** A policy with no rules: anything goes. */
    public static SeatPolicy open() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public java.util.Optional<TierEntitlement> tier(String tier) {
        return tiers.stream().filter(t -> t.tier().equals(tier)).findFirst();
    }

    public java.util.Optional<SeatAllotment> allotment(SeatKind kind) {
        return seats.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** Builds policies in code: tests and demo data. */
    public static final class Builder {
        private final List<TierEntitlement> tiers = new java.util.ArrayList<>();
        private final List<SeatAllotment> seats = new java.util.ArrayList<>();
        private Integer totalSeats;
        private final List<ActivationThreshold> activations = new java.util.ArrayList<>();
        private final List<CompanyCap> caps = new java.util.ArrayList<>();
        private TermRule terms;
        private boolean seatEndsWhenHolderLeavesEmployer;
        private boolean holderMustWorkForPartner;
        private AttendanceRule attendance;
        private Fraction quorum;
        private DecisionRule decision;

        public Builder tier(TierEntitlement tier) {
            tiers.add(tier);
            return this;
        }

        public Builder seats(SeatAllotment allotment) {
            seats.add(allotment);
            return this;
        }

        public Builder totalSeats(int total) {
            totalSeats = total;
            return this;
        }

        public Builder activation(ActivationThreshold threshold) {
            activations.add(threshold);
            return this;
        }

        public Builder cap(CompanyCap cap) {
            caps.add(cap);
            return this;
        }

        public Builder terms(TermRule rule) {
            terms = rule;
            return this;
        }

        public Builder seatEndsWhenHolderLeavesEmployer() {
            seatEndsWhenHolderLeavesEmployer = true;
            return this;
        }

        public Builder holderMustWorkForPartner() {
            holderMustWorkForPartner = true;
            return this;
        }

        public Builder attendance(AttendanceRule rule) {
            attendance = rule;
            return this;
        }

        public Builder quorum(Fraction fraction) {
            quorum = fraction;
            return this;
        }

        public Builder decision(DecisionRule rule) {
            decision = rule;
            return this;
        }

        public SeatPolicy build() {
            return new SeatPolicy(tiers, seats, totalSeats, activations, caps, terms, seatEndsWhenHolderLeavesEmployer,
                    holderMustWorkForPartner, attendance, quorum, decision);
        }
    }
}
