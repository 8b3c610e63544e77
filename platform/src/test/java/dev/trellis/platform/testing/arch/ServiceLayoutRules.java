package dev.trellis.platform.testing.arch;

import org.junit.jupiter.api.Test;

/**
 * The house layout as one test per rule, for a service's ArchitectureTest to extend:
 * {@code class ArchitectureTest extends ServiceLayoutRules { ArchitectureTest() { super("partner"); } }}.
 */
public abstract class ServiceLayoutRules {
    private final ServiceArchitecture layout;

    protected ServiceLayoutRules(String service) {
        this.layout = ServiceArchitecture.of(service);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        layout.noCyclesBetweenTopLevelPackages();
    }

    @Test
    void everyClassInALayer() {
        layout.everyClassInALayer();
    }

    @Test
    void layersAreRespected() {
        layout.layersAreRespected();
    }

    @Test
    void onlyRestSpeaksHttp() {
        layout.onlyRestSpeaksHttp();
    }

    @Test
    void domainKnowsNoOuterLayer() {
        layout.domainKnowsNoOuterLayer();
    }

    @Test
    void noOtherServicesCode() {
        layout.noOtherServicesCode();
    }
}
