package dev.trellis.contracts;

import java.util.List;

/**
 * Kafka topics carrying Trellis events: one per producing service. The record key is the
 * aggregate id (see {@link EventType#keyField()}), so each aggregate's events stay in order.
 */
public final class Topics {

    /** Events produced by partner-service. */
    public static final String PARTNER = "trellis.partner.events";
    /** Events produced by advisory-service. */
    public static final String ADVISORY = "trellis.advisory.events";
    /** Events produced by event-service. */
    public static final String EVENT = "trellis.event.events";
    /** Events produced by insights-service (its confirmations of erasure requests). */
    public static final String INSIGHTS = "trellis.insights.events";

    private Topics() {
    }

    public static List<String> all() {
        return List.of(PARTNER, ADVISORY, EVENT, INSIGHTS);
    }
}
