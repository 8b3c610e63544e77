package dev.trellis.advisory.domain.policy;

/** What a seat cap counts together. */
public enum CapScope {
    /** A related-company group: companies under common control count as one (CNCF charter §14). */
    COMPANY_GROUP,
    /** One organisation alone. */
    ORGANISATION
}
