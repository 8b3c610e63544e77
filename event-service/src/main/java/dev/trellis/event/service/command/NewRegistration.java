package dev.trellis.event.service.command;

import dev.trellis.event.domain.RegistrationSource;
import java.util.UUID;

/**
 * Someone to register: a known contact ({@code contactId}) or a guest (no contactId). Name and email either way.
 *
 * @param source how it came in, as the community team says (null: STAFF); a partner user's is always PORTAL
 */
public record NewRegistration(UUID contactId, String name, String email, RegistrationSource source) {
}
