package dev.trellis.insights.rest.dto;

import dev.trellis.insights.domain.TimelineEntry;
import dev.trellis.insights.domain.TimelineKind;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a partner's engagement timeline, with a link to the record it came from. */
public record TimelineEntryResponse(UUID id, Instant occurredAt, TimelineKind kind, @Schema(maxLength = 500) String summary,
        boolean executive, Source source) {

    /** The record in its own service: its type, id, and its address through the gateway. */
    public record Source(@Schema(maxLength = 40) String type, UUID id,
            @Schema(description = "Its scheme, host and prefix come from the request's Host and X-Forwarded headers "
                    + "(at most 20480 characters together), then a path of at most 99", maxLength = 20587) URI href) {
    }

    public static TimelineEntryResponse of(TimelineEntry e, URI base) {
        return new TimelineEntryResponse(e.id, e.occurredAt, e.kind, e.summary, e.executive,
                new Source(e.sourceType, e.sourceId, base.resolve(path(e))));
    }

    private static String path(TimelineEntry e) {
        return switch (e.sourceType) {
            case "touchpoint" -> "api/touchpoints/" + e.sourceId;
            case "membership" -> "api/partners/" + e.partnerId + "/membership/history";
            case "seat" -> "api/boards/" + e.contextId + "/seats/" + e.sourceId;
            case "meeting" -> "api/boards/" + e.contextId + "/meetings/" + e.sourceId;
            case "registration" -> "api/events/" + e.contextId + "/registrations/" + e.sourceId;
            case "sponsorship" -> "api/events/" + e.contextId + "/sponsorships/" + e.sourceId;
            default -> "api/partners/" + e.partnerId;
        };
    }
}
