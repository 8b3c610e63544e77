package dev.trellis.platform.retention;

import java.util.Objects;

/**
 * One retention rule: what happens to one category of data once it is older than the category's
 * setting {@code trellis.retention.<category>.after} (an ISO-8601 period such as {@code P24M}, or a
 * duration such as {@code PT12H}; {@link #defaultAfter()} when unset).
 *
 * <p>{@link #batch()} is one SQL statement that removes or anonymises at most one batch of rows and
 * returns how many it touched. It takes two parameters: 1, the cut-off instant (a timestamptz: rows
 * whose reference time is before it are due) and 2, the batch size. It must choose its rows with
 * {@code limit ? for update skip locked} and must never pick a row it has already handled (an
 * anonymised row no longer matches), so that the runner can repeat it until a batch comes back short.
 * It reads no {@code now()}: the cut-off comes from the service's clock, which tests move.
 *
 * @param category the name of the data category, also the setting's middle part (kebab-case)
 * @param table the table it works on; a service whose database lacks it skips the rule
 * @param action what it does to a due row
 * @param defaultAfter how old a row must be, when the setting is not given
 * @param batch the statement, see above
 */
public record RetentionRule(String category, String table, Action action, String defaultAfter, String batch) {

    /** What a rule does to a row that is due. */
    public enum Action {
        /** The row goes (with what cascades from it). */
        DELETE,
        /** The row stays, for statistics, with placeholders instead of personal data. */
        ANONYMISE
    }

    public RetentionRule {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(defaultAfter, "defaultAfter");
        Objects.requireNonNull(batch, "batch");
        if (!category.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a category is kebab-case: " + category);
        }
    }

    public static RetentionRule delete(String category, String table, String defaultAfter, String batch) {
        return new RetentionRule(category, table, Action.DELETE, defaultAfter, batch);
    }

    public static RetentionRule anonymise(String category, String table, String defaultAfter, String batch) {
        return new RetentionRule(category, table, Action.ANONYMISE, defaultAfter, batch);
    }

    /** The name of the setting that overrides {@link #defaultAfter()}. */
    public String settingName() {
        return "trellis.retention." + category + ".after";
    }
}
