package dev.trellis.partner.domain;

/** A contact's state for one purpose: the latest decision grants or withdraws it, or there is none. */
public enum ConsentState {
    GRANTED, WITHDRAWN, UNKNOWN
}
