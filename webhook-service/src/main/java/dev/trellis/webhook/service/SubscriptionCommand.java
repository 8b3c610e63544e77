package dev.trellis.webhook.service;

import java.util.List;
import java.util.UUID;

/**
 * A subscription as its owner asks for it.
 *
 * @param partnerId only events about this partner (null: any; for a partner's own subscription, its own always)
 * @param enabled   null keeps it as it is (on, for a new one)
 */
public record SubscriptionCommand(String url, String description, List<String> eventTypes, UUID partnerId, Boolean enabled) {
}
