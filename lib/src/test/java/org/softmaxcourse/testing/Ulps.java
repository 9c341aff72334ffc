package org.softmaxcourse.testing;

/**
 * Error in units in the last place against a correctly rounded reference.
 *
 * <p>{@link #distance} counts the doubles between the two values: it orders all doubles on one
 * line (−∞ … −0 = +0 … +∞, subnormals included, the sign of zero ignored) and returns the
 * difference of the positions. Within one binade this is exactly |a − r| / ulp(r); across a
 * power of two it counts the steps of both binades, so it never depends on which side the
 * reference lies; between a finite value and an infinity it counts ∞ as the step after
 * ±MAX_VALUE. Equal infinities are 0 apart; a NaN on either side (unless both are NaN) is
 * infinitely far. The reference is the correctly rounded exact value, so the error against the
 * exact value is at most the distance + ½.
 */
public final class Ulps {
    private Ulps() {
    }

    public static double distance(double actual, double reference) {
        if (Double.isNaN(actual) || Double.isNaN(reference)) {
            return Double.isNaN(actual) && Double.isNaN(reference) ? 0 : Double.POSITIVE_INFINITY;
        }
        long a = ordinal(actual);
        long r = ordinal(reference);
        // Subtract as longs (a double has too few bits for ordinals near 2^62); opposite signs
        // cannot overflow a long only when both are small, so add magnitudes as doubles then.
        if ((a < 0) != (r < 0)) {
            return (double) Math.abs(a) + (double) Math.abs(r);
        }
        return (double) Math.abs(a - r);
    }

    /** The position of x on the line of doubles: +0 and −0 are 0, the next double up is 1. */
    static long ordinal(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits < 0 ? -(bits & Long.MAX_VALUE) : bits;
    }
}
