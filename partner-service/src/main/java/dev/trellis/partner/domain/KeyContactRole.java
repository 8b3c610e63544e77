package dev.trellis.partner.domain;

/** The named roles on a membership that a partner fills with one of its contacts. */
public enum KeyContactRole {
    PRIMARY, VOTING, BILLING, MARKETING, TECHNICAL
}
