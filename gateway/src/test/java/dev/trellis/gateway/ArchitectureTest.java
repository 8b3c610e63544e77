package dev.trellis.gateway;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import dev.trellis.platform.testing.arch.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The gateway's package layout, checked on its classes. The gateway is not a service (no rest, service
 * or domain layers), so it has its own layer rule instead of platform's service layers.
 */
class ArchitectureTest {
    private static final ServiceArchitecture LAYOUT = ServiceArchitecture.of("gateway");
    private static final String ROOT = "dev.trellis.gateway";

    @Test
    void noCyclesBetweenTopLevelPackages() {
        LAYOUT.noCyclesBetweenTopLevelPackages();
    }

    @Test
    void noOtherServicesCode() {
        LAYOUT.noOtherServicesCode();
    }

    /**
     * route (the proxy) wires everything and nothing uses it; docs serves the merged OpenAPI beside it;
     * security and upstream build on edge and config respectively; config is at the bottom and uses
     * no other gateway package. metrics (the meters' definitions) sits beside config: the proxy, the
     * edge filters and the upstreams count with it, and it uses no gateway package.
     */
    @Test
    void layersPointDownToConfig() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("route").definedBy(ROOT + ".route..")
                .layer("docs").definedBy(ROOT + ".docs..")
                .layer("security").definedBy(ROOT + ".security..")
                .layer("upstream").definedBy(ROOT + ".upstream..")
                .layer("edge").definedBy(ROOT + ".edge..")
                .layer("config").definedBy(ROOT + ".config..")
                .layer("metrics").definedBy(ROOT + ".metrics..")
                .whereLayer("route").mayNotBeAccessedByAnyLayer()
                .whereLayer("security").mayNotBeAccessedByAnyLayer()
                .whereLayer("docs").mayOnlyBeAccessedByLayers("route")
                .whereLayer("upstream").mayOnlyBeAccessedByLayers("route", "docs")
                .whereLayer("edge").mayOnlyBeAccessedByLayers("route", "docs", "security")
                .whereLayer("config").mayOnlyBeAccessedByLayers("route", "docs", "security", "upstream", "edge")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("route", "upstream", "edge")
                .because("the proxy is built on the edge filters and the upstreams, never the other way round")
                .check(LAYOUT.importedClasses());
    }
}
