package dev.trellis.platform.domain;

/** The caller is known but may not do this (403), for a reason beyond its roles, such as a token without partner. */
public final class AccessDenied extends DomainException {
    public AccessDenied(String slug, String title, String detail) {
        super(slug, title, detail);
    }
}
