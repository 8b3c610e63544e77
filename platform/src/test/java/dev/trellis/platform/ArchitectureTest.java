package dev.trellis.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.trellis.platform.testing.arch.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The platform's own layout: no cycles between its packages, HTTP only in {@code http}, and the
 * application layer's vocabulary ({@code domain}, {@code paging}, {@code patch}, {@code security},
 * {@code time}) free of HTTP so services can use it below {@code rest}.
 */
class ArchitectureTest {
    private static final ServiceArchitecture LAYOUT = ServiceArchitecture.of("platform");

    @Test
    void noCyclesBetweenTopLevelPackages() {
        LAYOUT.noCyclesBetweenTopLevelPackages();
    }

    @Test
    void onlyHttpSpeaksHttp() {
        noClasses().that().resideOutsideOfPackage("dev.trellis.platform.http..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .orShould().dependOnClassesThat().resideInAPackage("dev.trellis.platform.http..")
                .because("services use domain, paging, patch, security and time from their application layer")
                .check(LAYOUT.importedClasses());
    }

    @Test
    void domainExceptionsDependOnNothingElse() {
        noClasses().that().resideInAPackage("dev.trellis.platform.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.trellis.platform.domain..", "java..")
                .check(LAYOUT.importedClasses());
    }

    @Test
    void noServiceCode() {
        LAYOUT.noOtherServicesCode();
    }
}
