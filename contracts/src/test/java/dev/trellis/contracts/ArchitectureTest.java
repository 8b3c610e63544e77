package dev.trellis.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Contracts are plain Java records every service shares: no framework, no logic of a service, no cycles. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.trellis.contracts");

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("dev.trellis.contracts.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void contractsDependOnJavaOnly() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("dev.trellis.contracts..", "java..")
                .because("every service, in any framework, must be able to read them")
                .check(CLASSES);
    }

    @Test
    void oneServicesEventsDoNotUseAnothersTypes() {
        for (String service : new String[] {"partner", "advisory", "event"}) {
            noClasses().that().resideInAPackage("dev.trellis.contracts." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherThan(service))
                    .check(CLASSES);
        }
    }

    private static String[] otherThan(String service) {
        return java.util.stream.Stream.of("partner", "advisory", "event").filter(s -> !s.equals(service))
                .map(s -> "dev.trellis.contracts." + s + "..").toArray(String[]::new);
    }
}
