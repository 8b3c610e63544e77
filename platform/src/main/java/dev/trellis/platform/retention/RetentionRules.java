package dev.trellis.platform.retention;

import java.util.List;

/**
 * The retention rules of one part of a service. A service lists the rules of the data it owns in an
 * {@code @ApplicationScoped} bean implementing this; the platform adds those of its own tables
 * ({@link PlatformRetentionRules}). {@link RetentionRunner} applies them all.
 */
public interface RetentionRules {

    List<RetentionRule> rules();
}
