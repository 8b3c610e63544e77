package dev.trellis.platform.domain;

/** The thing asked for does not exist (or the caller may not know that it does). */
public final class NotFound extends DomainException {
    public NotFound(String detail) {
        super("not-found", "Not found", detail);
    }

    /** "Seat 5f0c… does not exist". */
    public static NotFound of(String what, Object id) {
        return new NotFound(what + " " + id + " does not exist");
    }
}
