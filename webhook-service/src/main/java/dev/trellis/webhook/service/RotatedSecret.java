package dev.trellis.webhook.service;

import java.time.Instant;

/** The new secret, shown this once, and until when the previous one still signs. */
public record RotatedSecret(String secret, Instant previousExpiresAt) {
}
