package dev.trellis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.console.api.AdvisoryApi;
import dev.trellis.console.api.InsightsApi;
import dev.trellis.console.service.Charts;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void aTrendIsAPolylineInsideTheChartWithASentenceSayingWhatItShows() {
        Charts.Trend t = Charts.healthTrend(List.of(new InsightsApi.Day(LocalDate.parse("2027-01-01"), 100),
                new InsightsApi.Day(LocalDate.parse("2027-01-02"), 0)));
        assertEquals("4.0,4.0 316.0,76.0", t.points());
        assertTrue(t.drawable());
        assertTrue(t.description().contains("from 100 on 2027-01-01 to 0 on 2027-01-02"), t.description());
    }

    @Test
    void oneDayIsNoLineButStillSaysTheScore() {
        Charts.Trend t = Charts.healthTrend(List.of(new InsightsApi.Day(LocalDate.parse("2027-01-01"), 80)));
        assertFalse(t.drawable());
        assertTrue(t.description().contains("80"));
    }

    @Test
    void barsAreProportionalToTheSeats() {
        Charts.Bars b = Charts.seatShares(List.of(new AdvisoryApi.Company(null, "A", 3), new AdvisoryApi.Company(null, "B", 1)));
        assertEquals(150, b.bars().get(0).length());
        assertEquals(50, b.bars().get(1).length());
        assertTrue(b.description().contains("A 3, B 1 (4 in all)"), b.description());
    }
}
