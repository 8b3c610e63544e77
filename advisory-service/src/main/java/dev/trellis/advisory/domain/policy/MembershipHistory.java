package dev.trellis.advisory.domain.policy;

import dev.trellis.contracts.partner.MembershipTerms;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A partner's membership changes as partner-service announced them, in the order they were recorded. The
 * membership on any day is read from the terms of the latest change, by the rule partner-service itself uses
 * ({@link MembershipTerms}): the tier is the terms' tier until a scheduled change's effective date, the status
 * follows from the term, the grace days and auto-renewal. So advisory-service and partner-service agree on
 * who is a member of which tier on any day. A change known without dates (the demo data's assumption, or what
 * the read model knew before dates were kept) stands with the tier and status it names.
 * Without a change a partner has no membership.
 */
public record MembershipHistory(List<Change> changes) {
    public static final int NEW_MEMBER_MONTHS = MembershipTerms.DEFAULT_NEW_MEMBER_MONTHS;

    /**
     * One change. {@code sequence} orders changes as they were recorded. {@code terms} is the membership after
     * it; null when it is not known by its dates, and then {@code tier} and {@code reportedStatus} tell.
     */
    public record Change(long sequence, MembershipTerms terms, String tier, MembershipStatus reportedStatus) {

        /** The tier on {@code day} by this change. */
        public String tierOn(LocalDate day) {
            return terms == null ? tier : terms.tierOn(day);
        }

        /** The status on {@code day} by this change. */
        public MembershipStatus statusOn(LocalDate day) {
            if (terms == null) {
                return reportedStatus == null ? MembershipStatus.CURRENT : reportedStatus;
            }
            return MembershipStatus.valueOf(terms.statusOn(day, NEW_MEMBER_MONTHS).name());
        }
    }

    public static final MembershipHistory NONE = new MembershipHistory(List.of());

    public MembershipHistory {
        changes = changes.stream().sorted(Comparator.comparingLong(Change::sequence)).toList();
    }

    /** The latest change: what the membership is now. */
    public Optional<Change> latest() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1));
    }

    /** The tier on {@code day}; null without a membership (or if its change names none). */
    public String tierOn(LocalDate day) {
        return latest().map(c -> c.tierOn(day)).orElse(null);
    }

    /** The status on {@code day}; empty without a membership. */
    public Optional<MembershipStatus> statusOn(LocalDate day) {
        return latest().map(c -> c.statusOn(day));
    }

    /** Whether the partner is a current member on {@code day}: a tier, and a status that is new, current or grace. */
    public boolean memberOn(LocalDate day) {
        return tierOn(day) != null && statusOn(day).map(MembershipStatus::current).orElse(false);
    }
}
