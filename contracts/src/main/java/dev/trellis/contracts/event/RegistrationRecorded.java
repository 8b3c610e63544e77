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
 * @param emailDomain    the domain of the registrant's email address ({@link #emailDomainOf(String)}), never the
 *                       address; null for an erased registrant, and in events sent before it was carried
 */
public record RegistrationRecorded(
        UUID eventId,
        UUID registrationId,
        UUID contactId,
        UUID partnerId,
        RegistrationStatus status,
        String emailDomain) {

    public static final String TYPE = "dev.trellis.event.registration-recorded.v1";

    /** As sent before the email domain was carried. */
    public RegistrationRecorded(UUID eventId, UUID registrationId, UUID contactId, UUID partnerId, RegistrationStatus status) {
        this(eventId, registrationId, contactId, partnerId, status, null);
    }

    /**
     * The domain event-service publishes for an address and consumers compare with: what follows the last
     * {@code @}, stripped of white space and a trailing dot, lower-cased (root locale); null if there is none.
     */
    public static String emailDomainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        String domain = at < 0 ? "" : email.substring(at + 1).strip().toLowerCase(java.util.Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return domain.isEmpty() ? null : domain;
    }
}
