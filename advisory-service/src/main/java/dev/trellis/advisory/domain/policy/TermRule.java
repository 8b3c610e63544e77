package dev.trellis.advisory.domain.policy;

import java.time.MonthDay;

/**
 * Terms of a board's seats. {@code lengthMonths}: a term is at most this long (null: open-ended
 * seats allowed). {@code startsOn}: every term starts on this day of the year (Eclipse: 1 April).
 * {@code maxConsecutiveTerms}: a holder may serve at most this many terms in a row (null: no limit);
 * a break shorter than one term length does not interrupt a run. {@code staggerCohorts}: terms are
 * staggered over this many cohorts, so at most ceil(seats / cohorts) terms may end in one year.
 */
public record TermRule(Integer lengthMonths, MonthDay startsOn, Integer maxConsecutiveTerms, Integer staggerCohorts) {
    public TermRule {
        if ((lengthMonths != null && lengthMonths < 1) || (maxConsecutiveTerms != null && maxConsecutiveTerms < 1)
                || (staggerCohorts != null && staggerCohorts < 1)) {
            throw new IllegalArgumentException("term counts must be positive");
        }
    }

    public static TermRule none() {
        return new TermRule(null, null, null, null);
    }
}
