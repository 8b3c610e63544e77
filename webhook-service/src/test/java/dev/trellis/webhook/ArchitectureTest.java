package dev.trellis.webhook;

import dev.trellis.platform.testing.arch.ServiceLayoutRules;

/** The house layout, checked on this service's classes (platform's ServiceLayoutRules, docs/contributing.md). */
class ArchitectureTest extends ServiceLayoutRules {
    ArchitectureTest() {
        super("webhook");
    }
}
