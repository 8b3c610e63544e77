package dev.trellis.platform.testing.arch;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The shared rules pass a service laid out as the house says and fail the two mistakes they exist for. */
class ServiceArchitectureTest {
    private static final String GOOD = "dev.trellis.archfixture.good";
    private static final String BAD = "dev.trellis.archfixture.bad";

    private static ServiceArchitecture rules(String root) {
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        return ServiceArchitecture.of(root, classes);
    }

    @Test
    void aServiceInTheHouseLayoutPassesEveryRule() {
        ServiceArchitecture good = rules(GOOD);
        good.noCyclesBetweenTopLevelPackages();
        good.everyClassInALayer();
        good.layersAreRespected();
        good.onlyRestSpeaksHttp();
        good.domainKnowsNoOuterLayer();
    }

    @Test
    void aServiceTakingRestDtoTypesFailsTheCycleAndTheLayerRule() {
        ServiceArchitecture bad = rules(BAD);
        assertThrows(AssertionError.class, bad::noCyclesBetweenTopLevelPackages);
        assertThrows(AssertionError.class, bad::layersAreRespected);
    }

    @Test
    void aServiceThrowingProblemExceptionFailsTheHttpRule() {
        assertThrows(AssertionError.class, rules(BAD)::onlyRestSpeaksHttp);
    }
}
