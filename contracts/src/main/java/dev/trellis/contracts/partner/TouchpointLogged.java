package dev.trellis.contracts.partner;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The community team logged a touchpoint with a partner. Key: {@code partnerId}. Carries no summary
 * and no notes: those are internal to partner-service.
 *
 * @param partnerId          the partner (organisation)
 * @param touchpointId       the touchpoint
 * @param occurredOn         the day the touchpoint took place
 * @param type               what kind of touchpoint it was
 * @param executive          whether any contact attendee held an executive role at the partner on that day
 * @param attendeeContactIds the contacts who attended; may be empty, never null
 */
public record TouchpointLogged(
        UUID partnerId,
        UUID touchpointId,
        LocalDate occurredOn,
        TouchpointType type,
        boolean executive,
        List<UUID> attendeeContactIds) {

    public static final String TYPE = "dev.trellis.partner.touchpoint-logged.v1";
}
