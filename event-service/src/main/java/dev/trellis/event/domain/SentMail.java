package dev.trellis.event.domain;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code mail_outbox} as a subject-access export shows it: without its bodies (which may hold a cancel token). */
public record SentMail(UUID id, String kind, UUID registrationId, String recipient, String subject, String status,
        Instant sentAt, Instant createdAt) {
}
