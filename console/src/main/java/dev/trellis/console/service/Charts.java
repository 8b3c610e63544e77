package dev.trellis.console.service;

import dev.trellis.console.api.InsightsApi;
import java.util.List;
import java.util.Locale;

/** Server-rendered SVG charts: coordinates computed here, drawn by the templates, each with a text alternative. */
public final class Charts {

    private Charts() {
    }

    /** A score line over days (0–100), with its points in SVG user space and a sentence that says what it shows. */
    public record Trend(int width, int height, String points, String description, List<InsightsApi.Day> days, boolean drawable) {
    }

    public static Trend healthTrend(List<InsightsApi.Day> days) {
        int width = 320;
        int height = 80;
        if (days.isEmpty()) {
            return new Trend(width, height, "", "No score has been recorded yet.", days, false);
        }
        StringBuilder points = new StringBuilder();
        int n = days.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? width / 2.0 : i * (width - 8) / (double) (n - 1) + 4;
            double y = height - 4 - days.get(i).score() * (height - 8) / 100.0;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        int first = days.get(0).score();
        int last = days.get(n - 1).score();
        int min = days.stream().mapToInt(InsightsApi.Day::score).min().orElse(last);
        int max = days.stream().mapToInt(InsightsApi.Day::score).max().orElse(last);
        String description = n == 1
                ? "Health score " + last + " on " + days.get(0).day() + "; one day recorded so far."
                : "Health score from " + first + " on " + days.get(0).day() + " to " + last + " on " + days.get(n - 1).day()
                        + " (lowest " + min + ", highest " + max + ", " + n + " days).";
        return new Trend(width, height, points.toString().strip(), description, days, n > 1);
    }

    /** Horizontal bars: one per company, as a share of the board's seats. */
    public record Bar(String label, int value, int y, int length) {
    }

    public record Bars(int width, int height, List<Bar> bars, String description) {
    }

    public static Bars seatShares(List<dev.trellis.console.api.AdvisoryApi.Company> companies) {
        int total = companies.stream().mapToInt(dev.trellis.console.api.AdvisoryApi.Company::seats).sum();
        int row = 26;
        int labelWidth = 170;
        int barSpace = 200;
        List<Bar> bars = new java.util.ArrayList<>();
        int y = 4;
        for (var c : companies) {
            int length = total == 0 ? 0 : Math.max(2, c.seats() * barSpace / total);
            bars.add(new Bar(c.name(), c.seats(), y, length));
            y += row;
        }
        String description = total == 0 ? "No company holds a seat today."
                : "Seats held today by company: " + String.join(", ",
                        companies.stream().map(c -> c.name() + " " + c.seats()).toList()) + " (" + total + " in all).";
        return new Bars(labelWidth + barSpace + 40, Math.max(row, y), bars, description);
    }
}
