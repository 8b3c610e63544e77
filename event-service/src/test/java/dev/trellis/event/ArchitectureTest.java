package dev.trellis.event;

import dev.trellis.platform.testing.arch.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The house layout, checked on this service's classes (rules: platform's ServiceArchitecture). */
class ArchitectureTest {
    private static final ServiceArchitecture LAYOUT = ServiceArchitecture.of("event");

    @Test
    void domainKnowsNoOuterLayer() {
        LAYOUT.domainKnowsNoOuterLayer();
    }

    @Test
    void restAndMessagingStayApart() {
        LAYOUT.restAndMessagingStayApart();
    }

    @Test
    void noOtherServicesCode() {
        LAYOUT.noOtherServicesCode();
    }
}
