package dev.trellis.contracts.event;

import java.util.UUID;

/**
 * A registration for an event was recorded or changed status. Key: {@code eventId}.
 *
 * @param eventId        the event
 * @param registrationId the registration
 * @param contactId      the registrant; null if not a known contact
 * @param partnerId      the partner the registrant worked for when registering (a snapshot, so
 *                       statistics survive job changes); null if none
 * @param status         status after this change
 */
public record RegistrationRecorded(
        UUID eventId,
        UUID registrationId,
        UUID contactId,
        UUID partnerId,
        RegistrationStatus status) {

    public static final String TYPE = "dev.trellis.event.registration-recorded.v1";
}
