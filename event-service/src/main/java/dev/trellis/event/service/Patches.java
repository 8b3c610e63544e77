package dev.trellis.event.service;

import dev.trellis.platform.http.ProblemException;

/** Rules shared by the merge-patch handlers. */
final class Patches {
    private Patches() {
    }

    /** A field that may be changed but not removed: sent as null, it is a 400 naming it. */
    static <T> T required(String field, T value) {
        if (value == null) {
            throw ProblemException.badRequest(field, "must not be null");
        }
        return value;
    }
}
