package dev.trellis.platform.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.ProblemMappers;
import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void matchingStrongTagPasses() {
        assertDoesNotThrow(() -> Versions.requireMatch("\"4\"", 4));
        assertDoesNotThrow(() -> Versions.requireMatch("\"3\", \"4\"", 4));
        assertDoesNotThrow(() -> Versions.requireMatch("*", 4));
    }

    @Test
    void staleOrWeakTagIs412() {
        for (String tag : new String[] {"\"3\"", "W/\"4\"", "4"}) {
            StaleVersion stale = assertThrows(StaleVersion.class, () -> Versions.requireMatch(tag, 4));
            assertFalse(stale.isMissing());
            assertEquals(412, ProblemMappers.problemOf(stale, "/x").status());
        }
    }

    @Test
    void missingIfMatchIs428() {
        for (String tag : new String[] {null, " "}) {
            StaleVersion missing = assertThrows(StaleVersion.class, () -> Versions.requireMatch(tag, 4));
            assertTrue(missing.isMissing());
            assertEquals(428, ProblemMappers.problemOf(missing, "/x").status());
        }
    }

    @Test
    void etagIsTheQuotedVersion() {
        assertEquals("\"7\"", EntityTags.of(7).toString());
    }
}
