package dev.trellis.partner.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.partner.service.ImportResult.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chunk's look-ups are planned by PostgreSQL for their own values, and only they: the tables an import looks
 * up in grow under it, and a plan cached while they were small would stay in use (ImportRunner).
 */
@QuarkusTest
class ImportRunnerPlanningTest {
    @Inject
    ImportRunner runner;
    @Inject
    EntityManager em;

    @Test
    void onlyTheLookUpsArePlannedForTheirValuesInARealRunAndInADryRun() {
        for (boolean dryRun : new boolean[] {false, true}) {
            List<String> seen = new ArrayList<>();
            List<ImportResult> results = new ArrayList<>();
            runner.run(List.of(ImportLine.of(2, "a", "a"), ImportLine.of(3, "b", "b")).iterator(), dryRun,
                    new ImportRunner.Steps<String, String>() {
                        @Override
                        public String lookUp(List<String> commands) {
                            seen.add("look-up " + planCacheMode());
                            return "known";
                        }

                        @Override
                        public ImportResult apply(ImportLine<String> line, String known) {
                            seen.add("apply " + planCacheMode());
                            return new ImportResult(line.line(), line.key(), Outcome.UNCHANGED, "");
                        }

                        @Override
                        public void finish(String known) {
                            seen.add("finish " + planCacheMode());
                        }
                    }, results::add);
            assertEquals(List.of("look-up force_custom_plan", "apply auto", "apply auto", "finish auto"), seen,
                    "dry run " + dryRun);
            assertEquals(List.of(2L, 3L), results.stream().map(ImportResult::line).toList());
        }
    }

    private String planCacheMode() {
        return (String) em.createNativeQuery("select current_setting('plan_cache_mode')").getSingleResult();
    }
}
