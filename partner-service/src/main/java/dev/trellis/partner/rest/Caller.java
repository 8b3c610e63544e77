package dev.trellis.partner.rest;

import dev.trellis.platform.http.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the token. */
final class Caller {
    private Caller() {
    }

    /** The caller's {@code preferred_username}, as touchpoints and next steps name staff. */
    static String username(JsonWebToken token) {
        Object name = token.getClaim("preferred_username");
        if (name == null || String.valueOf(name).isBlank()) {
            throw new ProblemException(403, "no-username", "No username",
                    "Your token carries no preferred_username, so you cannot be named as a staff member");
        }
        return String.valueOf(name);
    }
}
