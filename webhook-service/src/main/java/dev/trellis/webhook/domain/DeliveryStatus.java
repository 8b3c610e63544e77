package dev.trellis.webhook.domain;

/** Where a delivery stands: waiting (for its first or next attempt), received (a 2xx), or given up. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
