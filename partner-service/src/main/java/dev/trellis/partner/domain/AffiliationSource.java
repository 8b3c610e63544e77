package dev.trellis.partner.domain;

/**
 * Where an affiliation, or a contact's detail, came from. Manual edits win over imported ones (crowd.dev's rule).
 */
public enum AffiliationSource {
    MANUAL, IMPORT;

    /** Whether a change from {@code other} may overwrite a fact that came from this source. */
    public boolean yieldsTo(AffiliationSource other) {
        return this == IMPORT || other == MANUAL;
    }
}
