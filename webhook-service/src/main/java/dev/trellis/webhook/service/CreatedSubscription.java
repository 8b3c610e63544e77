package dev.trellis.webhook.service;

import dev.trellis.webhook.domain.Subscription;

/** A new subscription and its signing secret, which is shown this once. */
public record CreatedSubscription(Subscription subscription, String secret) {
}
