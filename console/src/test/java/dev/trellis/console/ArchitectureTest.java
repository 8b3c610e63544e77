package dev.trellis.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import dev.trellis.platform.testing.arch.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The console's layout (console/README.md, "Packages"). It is a web application over the API, not a
 * service: it owns no data, so it has no domain, persistence or messaging. Its layers instead:
 * {@code rest} (page resources and templates) → {@code service} (views assembled from API calls, form
 * handling) → {@code api} (the gateway's routes as REST clients, and what they answer).
 */
class ArchitectureTest {
    private static final ServiceArchitecture LAYOUT = ServiceArchitecture.of("console");
    private static final String ROOT = "dev.trellis.console";

    @Test
    void noCyclesBetweenTopLevelPackages() {
        LAYOUT.noCyclesBetweenTopLevelPackages();
    }

    @Test
    void noOtherServicesCode() {
        LAYOUT.noOtherServicesCode();
    }

    /** Pages use views and may render what the API answered; only views call the API. */
    @Test
    void pagesGoThroughViewsToTheApi() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy(ROOT + ".rest..")
                .layer("service").definedBy(ROOT + ".service..")
                .layer("api").definedBy(ROOT + ".api..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest")
                .whereLayer("api").mayOnlyBeAccessedByLayers("rest", "service")
                .because("a page shows a view; the view decides which API calls it takes")
                .check(LAYOUT.importedClasses());
    }

    @Test
    void onlyViewsInjectApiClients() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".service..", ROOT + ".api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.eclipse.microprofile.rest.client.inject.RestClient")
                .because("every API call goes through a view, so a page's calls can be counted in one place")
                .check(LAYOUT.importedClasses());
    }

    /** The console holds no data: no JDBC, JPA or Kafka anywhere. */
    @Test
    void holdsNoDataOfItsOwn() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "jakarta.persistence..",
                        "org.apache.kafka..", "io.smallrye.reactive.messaging..")
                .because("the console reads and writes only through the gateway's API")
                .check(LAYOUT.importedClasses());
    }
}
