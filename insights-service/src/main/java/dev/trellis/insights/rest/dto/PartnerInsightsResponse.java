package dev.trellis.insights.rest.dto;

import dev.trellis.platform.paging.Page;

/**
 * A partner's page in one call: its health with reasons and trend (null when it is not a member) and the
 * first page of its engagement timeline, whose {@code next} is a cursor for {@code …/timeline}.
 */
public record PartnerInsightsResponse(HealthResponse health, Page<TimelineEntryResponse> timeline) {
}
