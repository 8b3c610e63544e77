package dev.trellis.partner.domain;

import java.util.Optional;

/**
 * Lifecycle follows membership: the move of a partner's lifecycle status that a change of its membership's
 * status implies. It acts on the membership's transitions, not on its level, so a manual lifecycle change
 * (a member lapsed for an unpaid invoice, an expired member kept active) stands until the membership moves.
 * <ul>
 * <li>The membership becomes EXPIRED (its grace is over, or it was ended): an ACTIVE partner LAPSES.</li>
 * <li>A term begins (NEW or CURRENT after none, PENDING, GRACE or EXPIRED: a start, a renewal, a future start
 * reached): a LAPSED partner is reactivated, a PROSPECT becomes ACTIVE.</li>
 * <li>GRACE is still membership; a FORMER partner is never moved automatically.</li>
 * </ul>
 */
public final class LifecycleRules {
    private LifecycleRules() {
    }

    /**
     * @param partner the partner's lifecycle status now
     * @param before  the membership's status before the change; null if it had none
     * @param after   its status after the change
     * @return the lifecycle status the partner moves to, if any
     */
    public static Optional<LifecycleStatus> follow(LifecycleStatus partner, MembershipStatus before,
            MembershipStatus after) {
        if (after == null || after == before) {
            return Optional.empty();
        }
        if (after == MembershipStatus.EXPIRED) {
            return partner == LifecycleStatus.ACTIVE ? Optional.of(LifecycleStatus.LAPSED) : Optional.empty();
        }
        if (live(after) && !live(before)
                && (partner == LifecycleStatus.LAPSED || partner == LifecycleStatus.PROSPECT)) {
            return Optional.of(LifecycleStatus.ACTIVE);
        }
        return Optional.empty();
    }

    /** Within a term: NEW or CURRENT. */
    static boolean live(MembershipStatus status) {
        return status == MembershipStatus.NEW || status == MembershipStatus.CURRENT;
    }
}
