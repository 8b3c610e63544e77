package dev.trellis.event.service.command;

import dev.trellis.event.domain.RegistrationSource;
import java.util.UUID;

/**
 * Someone to register: a known contact ({@code contactId}) or a guest (no contactId). Name and email either way.
 *
 * @param source how it came in; null for the caller's default (STAFF for the community team, else PORTAL)
 */
public record NewRegistration(UUID contactId, String name, String email, RegistrationSource source) {
}
