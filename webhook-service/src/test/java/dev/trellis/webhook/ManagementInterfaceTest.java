package dev.trellis.webhook;

import dev.trellis.platform.testing.management.ManagementInterfaceRules;
import io.quarkus.test.junit.QuarkusTest;

/** Health and metrics on the management port only (platform's ManagementInterfaceRules). */
@QuarkusTest
class ManagementInterfaceTest extends ManagementInterfaceRules {
}
