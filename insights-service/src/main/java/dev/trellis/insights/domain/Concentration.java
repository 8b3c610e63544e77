package dev.trellis.insights.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How concentrated a pool (seats on a board, sponsorships, attendance) is among company groups (domain.md §6):
 * each group's share, the CHAOSS elephant factor (the fewest groups that together hold at least half) and the
 * Herfindahl-Hirschman index (the sum of the squared percentage shares, 0 to 10,000).
 *
 * @param total          the size of the pool
 * @param shares         each group's part, largest first
 * @param elephantFactor 0 for an empty pool
 * @param hhi            rounded to a whole number; 0 for an empty pool
 */
public record Concentration<K>(int total, List<Share<K>> shares, int elephantFactor, int hhi) {

    /** One group's part of the pool and its share in percent. */
    public record Share<K>(K group, int count, double percent) {
    }

    /** Above this HHI a pool is highly concentrated (US Merger Guidelines 2010/2023). */
    public static final int HIGHLY_CONCENTRATED = 1800;
    /** From this HHI a pool is moderately concentrated. */
    public static final int MODERATELY_CONCENTRATED = 1000;

    public static <K> Concentration<K> of(Map<K, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<Map.Entry<K, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.removeIf(e -> e.getValue() <= 0);
        sorted.sort(Map.Entry.<K, Integer>comparingByValue(Comparator.reverseOrder()));
        List<Share<K>> shares = new ArrayList<>();
        double hhi = 0;
        int elephant = 0;
        int covered = 0;
        for (Map.Entry<K, Integer> e : sorted) {
            double percent = total == 0 ? 0 : 100.0 * e.getValue() / total;
            shares.add(new Share<>(e.getKey(), e.getValue(), percent));
            hhi += percent * percent;
            if (covered * 2 < total) {
                covered += e.getValue();
                elephant++;
            }
        }
        return new Concentration<>(total, shares, elephant, (int) Math.round(hhi));
    }

    /** The competition authorities' band of this HHI: unconcentrated, moderately or highly concentrated. */
    public String band() {
        if (hhi > HIGHLY_CONCENTRATED) {
            return "HIGH";
        }
        return hhi >= MODERATELY_CONCENTRATED ? "MODERATE" : "LOW";
    }

}
