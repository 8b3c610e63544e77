package dev.trellis.advisory.domain.policy;

/** Quorum and the outcome of a resolution under a board's rules. */
public final class Decision {
    private Decision() {
    }

    public enum Outcome {
        ADOPTED, REJECTED, NO_QUORUM
    }

    /** Whether {@code present} voting members make a quorum of {@code votingSeats}; a null quorum always does. */
    public static boolean quorumMet(Fraction quorum, int votingSeats, int present) {
        if (quorum == null) {
            return true;
        }
        return votingSeats > 0 && quorum.reachedBy(present, votingSeats);
    }

    /** The outcome of a vote: yes, no and abstain among the {@code present} voting members of {@code votingSeats}. */
    public static Outcome outcome(DecisionRule rule, boolean quorumMet, int votingSeats, int present, int yes, int no) {
        if (!quorumMet) {
            return Outcome.NO_QUORUM;
        }
        int base = switch (rule.basis()) {
            case PRESENT -> present;
            case VOTING_SEATS -> votingSeats;
            case VOTES_CAST -> yes + no;
        };
        if (base == 0) {
            return Outcome.REJECTED;
        }
        boolean passes = rule.strict() ? rule.fraction().exceededBy(yes, base) : rule.fraction().reachedBy(yes, base);
        return passes ? Outcome.ADOPTED : Outcome.REJECTED;
    }
}
