package dev.trellis.insights.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shares, elephant factor and HHI, on domain.md's worked example and at the edges. */
class ConcentrationTest {

    @Test
    void theWorkedExample() {
        Concentration<String> c = Concentration.of(Map.of("A", 4, "B", 2, "C", 2, "D", 1, "E", 1));
        assertEquals(10, c.total());
        assertEquals(2600, c.hhi());
        assertEquals("HIGH", c.band());
        assertEquals(2, c.elephantFactor());
        assertEquals("A", c.shares().get(0).group());
        assertEquals(40.0, c.shares().get(0).percent(), 1e-9);
    }

    @Test
    void oneHolderIsTheMostConcentrated() {
        Concentration<String> c = Concentration.of(Map.of("A", 3));
        assertEquals(10000, c.hhi());
        assertEquals(1, c.elephantFactor());
    }

    @Test
    void exactlyHalfIsEnoughForTheElephantFactor() {
        assertEquals(1, Concentration.of(Map.of("A", 5, "B", 3, "C", 2)).elephantFactor());
        assertEquals(2, Concentration.of(Map.of("A", 4, "B", 3, "C", 3)).elephantFactor());
    }

    @Test
    void tenEqualHoldersAreModeratelyConcentratedAndAnEmptyPoolIsNot() {
        Map<String, Integer> ten = new java.util.HashMap<>();
        for (int i = 0; i < 10; i++) {
            ten.put("G" + i, 1);
        }
        Concentration<String> c = Concentration.of(ten);
        assertEquals(1000, c.hhi());
        assertEquals("MODERATE", c.band());
        assertEquals(5, c.elephantFactor());
        Concentration<String> empty = Concentration.of(Map.of());
        assertEquals(0, empty.hhi());
        assertEquals(0, empty.elephantFactor());
        assertEquals("LOW", empty.band());
    }
}
