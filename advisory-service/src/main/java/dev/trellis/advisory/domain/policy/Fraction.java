package dev.trellis.advisory.domain.policy;

/** An exact fraction such as 2/3, so that quorum and majority never suffer from rounding. */
public record Fraction(int numerator, int denominator) {
    public Fraction {
        if (numerator < 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("a fraction between 0 and 1 is needed, not " + numerator + "/" + denominator);
        }
    }

    public static Fraction of(int numerator, int denominator) {
        return new Fraction(numerator, denominator);
    }

    /** Whether {@code part} reaches this fraction of {@code whole} ({@code part/whole >= this}). */
    public boolean reachedBy(long part, long whole) {
        return part * denominator >= (long) numerator * whole;
    }

    /** Whether {@code part} exceeds this fraction of {@code whole} ({@code part/whole > this}). */
    public boolean exceededBy(long part, long whole) {
        return part * denominator > (long) numerator * whole;
    }

    /** The largest whole number not above this fraction of {@code whole}. */
    public int floorOf(int whole) {
        return (int) ((long) numerator * whole / denominator);
    }

    /** The smallest whole number not below this fraction of {@code whole}. */
    public int ceilOf(int whole) {
        return (int) (((long) numerator * whole + denominator - 1) / denominator);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
