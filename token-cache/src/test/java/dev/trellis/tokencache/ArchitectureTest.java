package dev.trellis.tokencache;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The token cache sits in front of quarkus-oidc for the gateway and every service, so it knows none of them. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.trellis.tokencache");

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("dev.trellis.tokencache.(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void usesNoOtherTrellisModule() {
        noClasses().should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.trellis..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("dev.trellis.tokencache..")))
                .check(CLASSES);
    }
}
