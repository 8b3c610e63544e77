package dev.trellis.platform.retention;

import java.time.Instant;

/**
 * What one category's part of a retention run did; each is a row of the service's {@code retention_run}.
 *
 * @param category the rule's category
 * @param action what it does to a due row
 * @param after the age limit it applied (the setting, or the rule's default)
 * @param cutoff rows older than this were due
 * @param affected how many rows it deleted or anonymised
 * @param error why it stopped early, or null
 */
public record RetentionRun(String category, RetentionRule.Action action, String after, Instant cutoff, long affected,
        String error) {
}
