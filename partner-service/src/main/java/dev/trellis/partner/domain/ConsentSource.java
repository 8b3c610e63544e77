package dev.trellis.partner.domain;

/** How a consent decision reached the foundation. */
public enum ConsentSource {
    MANUAL, IMPORT, WEB_FORM, EVENT_REGISTRATION, EMAIL
}
