package dev.trellis.webhook.domain;

import java.util.List;
import java.util.UUID;

/** The matching rule of a subscription, on plain values (the consumer's SQL applies the same rule). */
public final class Matching {
    private Matching() {
    }

    /**
     * @param types          the subscription's event types
     * @param filterPartner  its partner filter, or null
     * @param ownerPartner   the partner that owns it, or null for staff
     * @param type           the event's type
     * @param partnerId      the event's partnerId, or null for an event about no partner
     */
    public static boolean matches(List<String> types, UUID filterPartner, UUID ownerPartner, String type, UUID partnerId) {
        if (!types.contains(type)) {
            return false;
        }
        if (ownerPartner != null && !ownerPartner.equals(partnerId)) {
            return false;
        }
        return filterPartner == null || filterPartner.equals(partnerId);
    }
}
