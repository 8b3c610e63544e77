package dev.trellis.advisory.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seat-policy engine is plain Java: no framework, persistence, REST or messaging imports. The contracts are
 * plain Java too (their own ArchitectureTest keeps them to the JDK), so the membership rule they share may be used.
 */
class PurityTest {

    @Test
    void thePolicyPackageImportsOnlyTheJdk() throws IOException {
        Path dir = Path.of("src/main/java/dev/trellis/advisory/domain/policy");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> offending = files.flatMap(PurityTest::lines)
                    .filter(l -> l.startsWith("import ") && !l.startsWith("import java.") && !l.startsWith("import static java.")
                            && !l.startsWith("import dev.trellis.advisory.domain.policy.")
                            && !l.startsWith("import dev.trellis.contracts."))
                    .toList();
            assertEquals(List.of(), offending);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
