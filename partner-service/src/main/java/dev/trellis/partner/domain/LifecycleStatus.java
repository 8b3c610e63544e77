package dev.trellis.partner.domain;

/** Where a partner organisation stands with the foundation. */
public enum LifecycleStatus {
    PROSPECT, ACTIVE, LAPSED, FORMER
}
