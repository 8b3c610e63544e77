package dev.trellis.console.service;

import dev.trellis.console.api.InsightsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The level-playing-field charts, drawn on the server like {@link Charts}: each company group's share of a pool
 * against the board's cap, and the pool's concentration (HHI, with the bands, and the elephant factor) month by
 * month. Every chart comes with a sentence that says what it shows; the pages put the numbers in tables too.
 */
public final class FairnessCharts {

    private FairnessCharts() {
    }

    static final int LABEL = 190;
    static final int SPACE = 260;
    static final int ROW = 26;

    /** One group's bar; {@code standing} is {@code over}, {@code near} or {@code ok} (a CSS class and a word in the text). */
    public record ShareBar(String label, String value, int y, int length, String standing) {
    }

    /** @param capX where the cap line is drawn, or -1 without a cap */
    public record Shares(int width, int height, List<ShareBar> bars, int capX, int capTop, int capBottom, String description) {
        public boolean hasCap() {
            return capX >= 0;
        }
    }

    /** A board's seats per company group (bars by seats, scaled to the cap when it is larger) or an events pool (by share). */
    public static Shares shares(InsightsApi.Pool pool, String unit) {
        List<InsightsApi.GroupShare> groups = pool.groups();
        Integer cap = groups.stream().map(InsightsApi.GroupShare::cap).filter(c -> c != null).findFirst().orElse(null);
        int max = groups.stream().mapToInt(InsightsApi.GroupShare::count).max().orElse(0);
        int scale = Math.max(1, Math.max(max, cap == null ? 0 : cap));
        List<ShareBar> bars = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int y = 4;
        for (InsightsApi.GroupShare g : groups) {
            String name = groupName(g);
            String standing = g.overCap() ? "over" : g.nearCap() ? "near" : "ok";
            String percent = percent(g.sharePercent());
            String value = g.count() + " (" + percent + ")" + (g.overCap() ? ", over cap" : g.nearCap() ? ", at cap" : "");
            bars.add(new ShareBar(name, value, y, Math.max(2, g.count() * SPACE / scale), standing));
            words.add(name + " " + g.count() + " " + unit + (g.count() == 1 ? "" : "s") + " (" + percent + ")"
                    + (g.overCap() ? ", over the cap" : g.nearCap() ? ", at the cap: one more breaks it" : ""));
            y += ROW;
        }
        int height = Math.max(ROW, y);
        int capX = cap == null ? -1 : LABEL + cap * SPACE / scale;
        String description = groups.isEmpty() ? "Nobody holds a part of " + pool.name() + "."
                : pool.name() + " by company group: " + String.join("; ", words) + ". " + pool.total() + " in all"
                        + (cap == null ? "." : "; the cap is " + cap + " " + unit + (cap == 1 ? "" : "s") + " per company group.");
        return new Shares(LABEL + SPACE + 150, height, bars, capX, 0, height, description);
    }

    static String groupName(InsightsApi.GroupShare g) {
        return g.groupName() == null ? "Unknown company group" : g.groupName();
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value);
    }

    /** A month's point of the HHI line. */
    public record Point(double x, double y, String label) {
    }

    /**
     * The HHI month by month, with the band lines at 1,000 and 1,800; the scale runs from 0 to {@code scaleMax}, the next
     * thousand above the highest month (at least 2,500, at most 10,000), so the bands stay apart.
     */
    public record Concentration(int width, int height, String points, int moderateY, int highY, int scaleMax, int topY,
            String firstLabel, String lastLabel, String description, boolean drawable) {
    }

    public static Concentration concentration(InsightsApi.Pool pool) {
        int width = 480;
        int height = 160;
        int top = 8;
        int bottom = height - 22;
        List<InsightsApi.MonthPoint> trend = pool.trend();
        int n = trend.size();
        int highest = trend.stream().mapToInt(InsightsApi.MonthPoint::hhi).max().orElse(0);
        int scaleMax = Math.min(10000, Math.max(2500, (highest + 999) / 1000 * 1000));
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? width / 2.0 : 40 + i * (width - 50) / (double) (n - 1);
            double y = bottom - Math.min(scaleMax, trend.get(i).hhi()) * (bottom - top) / (double) scaleMax;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        int moderateY = (int) Math.round(bottom - 1000.0 * (bottom - top) / scaleMax);
        int highY = (int) Math.round(bottom - 1800.0 * (bottom - top) / scaleMax);
        String description;
        if (n == 0) {
            description = "No month of " + pool.name() + " is recorded yet.";
        } else {
            InsightsApi.MonthPoint first = trend.get(0);
            InsightsApi.MonthPoint last = trend.get(n - 1);
            description = "Concentration of " + pool.name() + ": HHI " + (n == 1 ? last.hhi() + " in " + month(last)
                    : "from " + first.hhi() + " in " + month(first) + " to " + last.hhi() + " in " + month(last))
                    + " (" + band(band(last.hhi())) + "); elephant factor " + (n == 1 || first.elephantFactor() == last.elephantFactor()
                    ? last.elephantFactor() + (n == 1 ? "" : " throughout") : "from " + first.elephantFactor() + " to " + last.elephantFactor())
                    + "; " + n + " month" + (n == 1 ? "" : "s") + ".";
        }
        return new Concentration(width, height, points.toString().strip(), moderateY, highY, scaleMax, top, n == 0 ? "" : month(trend.get(0)),
                n == 0 ? "" : month(trend.get(n - 1)), description, n > 1);
    }

    private static String month(InsightsApi.MonthPoint p) {
        return p.month() == null ? "" : p.month().toString().substring(0, 7);
    }

    /** The band of an HHI as insights-service draws them (US Merger Guidelines): LOW, MODERATE, HIGH. */
    static String band(int hhi) {
        return hhi > 1800 ? "HIGH" : hhi >= 1000 ? "MODERATE" : "LOW";
    }

    /** A band in words. */
    public static String band(String band) {
        if (band == null) {
            return "not known";
        }
        return switch (band) {
            case "HIGH" -> "highly concentrated, above 1,800";
            case "MODERATE" -> "moderately concentrated, 1,000 to 1,800";
            case "LOW" -> "unconcentrated, below 1,000";
            default -> band;
        };
    }
}
