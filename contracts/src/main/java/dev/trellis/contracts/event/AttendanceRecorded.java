package dev.trellis.contracts.event;

import java.util.UUID;

/**
 * Attendance was recorded for a registration: a check-in ({@code attended} true), or a no-show or
 * an undone check-in ({@code attended} false). Key: {@code eventId}.
 *
 * @param eventId        the event
 * @param registrationId the registration
 * @param contactId      the registrant; null if not a known contact
 * @param partnerId      the partner the registrant worked for when registering (snapshot); null if none
 * @param attended       whether the registrant attended
 * @param emailDomain    the domain of the registrant's email address
 *                       ({@link RegistrationRecorded#emailDomainOf(String)}), never the address; null for an erased
 *                       registrant, and in events sent before it was carried
 */
public record AttendanceRecorded(
        UUID eventId,
        UUID registrationId,
        UUID contactId,
        UUID partnerId,
        boolean attended,
        String emailDomain) {

    public static final String TYPE = "dev.trellis.event.attendance-recorded.v1";

    /** As sent before the email domain was carried. */
    public AttendanceRecorded(UUID eventId, UUID registrationId, UUID contactId, UUID partnerId, boolean attended) {
        this(eventId, registrationId, contactId, partnerId, attended, null);
    }
}
