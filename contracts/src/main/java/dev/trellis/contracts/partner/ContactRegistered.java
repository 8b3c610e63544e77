package dev.trellis.contracts.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact (a person) was recorded in partner-service. Carries no personal data: services that must
 * check that a person exists (a seat holder, an organiser) learn the id, and show names by asking
 * partner-service. Key: {@code contactId}, as {@link ContactErased}, so a contact's registration and
 * erasure stay ordered.
 *
 * @param contactId    the contact
 * @param registeredAt when partner-service recorded it
 */
public record ContactRegistered(UUID contactId, Instant registeredAt) {

    public static final String TYPE = "dev.trellis.partner.contact-registered.v1";
}
