package dev.trellis.platform.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void matchingStrongTagPasses() {
        assertDoesNotThrow(() -> EntityTags.requireMatch("\"4\"", 4));
        assertDoesNotThrow(() -> EntityTags.requireMatch("\"3\", \"4\"", 4));
        assertDoesNotThrow(() -> EntityTags.requireMatch("*", 4));
    }

    @Test
    void staleOrWeakTagIs412() {
        assertEquals(412, assertThrows(ProblemException.class, () -> EntityTags.requireMatch("\"3\"", 4)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> EntityTags.requireMatch("W/\"4\"", 4)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> EntityTags.requireMatch("4", 4)).status());
    }

    @Test
    void missingIfMatchIs428() {
        assertEquals(428, assertThrows(ProblemException.class, () -> EntityTags.requireMatch(null, 4)).status());
        assertEquals(428, assertThrows(ProblemException.class, () -> EntityTags.requireMatch(" ", 4)).status());
    }

    @Test
    void etagIsTheQuotedVersion() {
        assertEquals("\"7\"", EntityTags.of(7).toString());
    }
}
