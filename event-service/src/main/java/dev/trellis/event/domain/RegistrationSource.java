package dev.trellis.event.domain;

/** How a registration came in. */
public enum RegistrationSource {
    WEB, PORTAL, STAFF, IMPORT, DEMO
}
