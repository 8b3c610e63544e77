package dev.trellis.contracts.partner;

/** Where a partner (organisation) stands with the foundation. */
public enum PartnerLifecycleStatus {
    /** Being recruited; not (yet) a member or sponsor. */
    PROSPECT,
    /** Currently a member or sponsor. */
    ACTIVE,
    /** Membership has run out recently; a renewal is still plausible. */
    LAPSED,
    /** No longer engaged with the foundation. */
    FORMER
}
