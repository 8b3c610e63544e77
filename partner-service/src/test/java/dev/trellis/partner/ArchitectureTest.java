package dev.trellis.partner;

import dev.trellis.platform.testing.arch.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The house layout, checked on this service's classes (rules: platform's ServiceArchitecture, docs/contributing.md). */
class ArchitectureTest {
    private static final ServiceArchitecture LAYOUT = ServiceArchitecture.of("partner");

    @Test
    void noCyclesBetweenTopLevelPackages() {
        LAYOUT.noCyclesBetweenTopLevelPackages();
    }

    @Test
    void everyClassInALayer() {
        LAYOUT.everyClassInALayer();
    }

    @Test
    void layersAreRespected() {
        LAYOUT.layersAreRespected();
    }

    @Test
    void onlyRestSpeaksHttp() {
        LAYOUT.onlyRestSpeaksHttp();
    }

    @Test
    void domainKnowsNoOuterLayer() {
        LAYOUT.domainKnowsNoOuterLayer();
    }

    @Test
    void noOtherServicesCode() {
        LAYOUT.noOtherServicesCode();
    }
}
