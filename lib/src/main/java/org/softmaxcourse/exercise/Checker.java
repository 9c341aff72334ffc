package org.softmaxcourse.exercise;

import java.util.Arrays;
import java.util.Objects;

/**
 * The checks behind {@link Check}. A {@code Checker} either keeps the expected values to itself
 * (the default, {@link Check}'s static methods) or shows them ({@link Check#revealing()}), for
 * warm-up exercises where seeing the target is the point.
 *
 * <p>Every failed check throws a {@link CheckFailure} whose message names the quantity
 * ({@code what}, written the way the student would write it, e.g. {@code "stableSigmoid(40)"}),
 * shows the student's own value and says how it is wrong — not a number, infinite, too large, too
 * small, the wrong length — and carries the author's hint.
 *
 * <p><b>Tolerance.</b> {@code close} accepts {@code actual} when
 * {@code |actual − expected| ≤ tol · max(1, |expected|)}: absolute for expected values up to 1,
 * relative above. Infinite expected values must be matched exactly, and a NaN is never close to
 * anything but a NaN.
 */
public final class Checker {
    static final Checker QUIET = new Checker(false);
    static final Checker REVEALING = new Checker(true);

    /** How many entries of an array a message shows before "…". */
    private static final int SHOWN = 6;

    private final boolean reveal;

    private Checker(boolean reveal) {
        this.reveal = reveal;
    }

    /**
     * Whether this checker's messages show expected values.
     *
     * @return {@code true} for {@link Check#revealing()}, {@code false} for the quiet default
     */
    public boolean reveals() {
        return reveal;
    }

    /**
     * Fails unless {@code actual} is within {@code tol} of {@code expected} (see the class notes).
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param actual the student's value
     * @param expected the right value; an infinity must be matched exactly, a NaN by a NaN
     * @param tol the tolerance, finite and ≥ 0
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     * @throws IllegalArgumentException if {@code tol} is negative, infinite or NaN (a mistake of
     *         the test's author, not the student's)
     */
    public void close(String what, double actual, double expected, double tol, String hint) {
        requireTol(tol);
        String problem = problem(what, actual, expected, tol);
        if (problem != null) {
            throw new CheckFailure(problem + expectation(format(expected), tol), hint);
        }
    }

    /**
     * Fails unless both arrays have the same length and every entry is close (see the class notes).
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param actual the student's array
     * @param expected the right values, one per entry
     * @param tol the tolerance, finite and ≥ 0
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     * @throws IllegalArgumentException if {@code tol} is negative, infinite or NaN, or
     *         {@code expected} is null (a mistake of the test's author, not the student's)
     */
    public void close(String what, double[] actual, double[] expected, double tol, String hint) {
        requireTol(tol);
        if (expected == null) {
            throw new IllegalArgumentException("the expected array for " + what + " is null");
        }
        if (actual == null) {
            throw new CheckFailure(what + " is null; it should be an array of " + expected.length + " numbers.", hint);
        }
        if (actual.length != expected.length) {
            throw new CheckFailure(what + " has " + actual.length + " entr" + (actual.length == 1 ? "y" : "ies")
                    + "; it should have " + expected.length + "." + expectation(format(expected), tol), hint);
        }
        int bad = 0;
        String first = null;
        for (int i = 0; i < actual.length; i++) {
            String p = problem("entry " + i, actual[i], expected[i], tol);
            if (p != null) {
                bad++;
                if (first == null) {
                    first = p;
                }
            }
        }
        if (first != null) {
            String more = bad > 1 ? " " + (bad - 1) + " more entr" + (bad == 2 ? "y is" : "ies are") + " off too." : "";
            throw new CheckFailure(what + " = " + format(actual) + ": " + first + more
                    + expectation(format(expected), tol), hint);
        }
    }

    /**
     * Fails unless {@code actual == expected}.
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param actual the student's value
     * @param expected the right value
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     */
    public void equal(String what, long actual, long expected, String hint) {
        if (actual != expected) {
            String direction = actual < expected ? "too small" : "too large";
            throw new CheckFailure(what + " = " + actual + " is " + direction + "."
                    + expectation(Long.toString(expected), -1), hint);
        }
    }

    /**
     * Fails unless {@code actual} equals {@code expected} ({@link Objects#deepEquals}, so arrays compare by content).
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param actual the student's value
     * @param expected the right value
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     */
    public void equal(String what, Object actual, Object expected, String hint) {
        if (!Objects.deepEquals(actual, expected)) {
            throw new CheckFailure(what + " is " + describe(actual) + ", which is not right."
                    + expectation(describe(expected), -1), hint);
        }
    }

    /**
     * Fails unless {@code condition} holds. {@code claim} states the property in words, e.g.
     * {@code "stableSoftmax(z) leaves z unchanged"}.
     *
     * @param claim the property in words; the message is "Not so: " followed by it
     * @param condition whether the property holds
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     */
    public void that(String claim, boolean condition, String hint) {
        if (!condition) {
            throw new CheckFailure("Not so: " + claim + ".", hint);
        }
    }

    /**
     * Fails when {@code actual} is NaN or infinite.
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param actual the student's value
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     */
    public void finite(String what, double actual, String hint) {
        if (Double.isNaN(actual)) {
            throw new CheckFailure(what + " is NaN (not a number); it should be a finite number.", hint);
        }
        if (Double.isInfinite(actual)) {
            throw new CheckFailure(what + " is " + format(actual) + "; it should be a finite number.", hint);
        }
    }

    /**
     * Fails unless {@code lo ≤ actual ≤ hi}. The range is part of the question, so it is always shown.
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param actual the student's value
     * @param lo the lower end of the range
     * @param hi the upper end of the range
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     */
    public void inRange(String what, double actual, double lo, double hi, String hint) {
        if (!(actual >= lo && actual <= hi)) {
            throw new CheckFailure(what + " = " + format(actual) + " is outside [" + format(lo) + ", "
                    + format(hi) + "].", hint);
        }
    }

    /**
     * Fails unless {@code p} is a probability vector: not empty, every entry in [0, 1] and the sum
     * within {@code tol} of 1.
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param p the student's probability vector
     * @param tol the tolerance, finite and ≥ 0
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     * @throws IllegalArgumentException if {@code tol} is negative, infinite or NaN (a mistake of
     *         the test's author, not the student's)
     */
    public void probabilities(String what, double[] p, double tol, String hint) {
        requireTol(tol);
        if (p == null) {
            throw new CheckFailure(what + " is null; it should be an array of probabilities.", hint);
        }
        if (p.length == 0) {
            throw new CheckFailure(what + " is empty; it should hold one probability per class.", hint);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new CheckFailure(what + " = " + format(p) + ": entry " + i + " is " + format(p[i])
                        + ", not a probability in [0, 1].", hint);
            }
            sum += p[i];
        }
        if (!(Math.abs(sum - 1) <= tol)) {
            throw new CheckFailure(what + " = " + format(p) + " sums to " + format(sum) + ", not to 1.", hint);
        }
    }

    /**
     * Fails unless {@code body} throws an exception of type {@code type} (or a subtype).
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param type the exception type expected (a subtype also passes)
     * @param body the code that should throw
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     * @throws UnsupportedOperationException if {@code body} is still the "your code here" stub:
     *         its exception passes through, so the case counts as not answered
     */
    public void throwsA(String what, Class<? extends Throwable> type, Case body, String hint) {
        try {
            body.run();
        } catch (Throwable e) {
            if (type.isInstance(e)) {
                return;
            }
            if (Runner.isStub(e)) {
                throw (UnsupportedOperationException) e;
            }
            throw new CheckFailure(what + " threw " + e.getClass().getSimpleName() + "; it should throw "
                    + type.getSimpleName() + ".", hint);
        }
        throw new CheckFailure(what + " returned normally; it should throw " + type.getSimpleName() + ".", hint);
    }

    /** What is wrong with {@code actual}, or null if it is close enough. */
    private static String problem(String what, double actual, double expected, double tol) {
        if (Double.isNaN(expected)) {
            return Double.isNaN(actual) ? null : what + " = " + format(actual) + " should be NaN.";
        }
        if (Double.isNaN(actual)) {
            return what + " is NaN (not a number).";
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            if (actual == expected) {
                return null;
            }
            if (Double.isInfinite(actual)) {
                return what + " is " + format(actual) + "; it should be " + (Double.isInfinite(expected)
                        ? (expected > 0 ? "+∞" : "−∞") : "a finite number") + ".";
            }
            return what + " = " + format(actual) + " is finite; it should be infinite.";
        }
        if (Math.abs(actual - expected) <= tol * Math.max(1.0, Math.abs(expected))) {
            return null;
        }
        return what + " = " + format(actual) + " is " + (actual < expected ? "too small" : "too large") + ".";
    }

    /** The sentence added to a message: the expected value if revealing, the tolerance otherwise. */
    private String expectation(String expected, double tol) {
        if (reveal) {
            return " Expected " + expected + (tol >= 0 ? " (± " + format(tol) + ")" : "") + ".";
        }
        return "";
    }

    private static void requireTol(double tol) {
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tolerance must be finite and ≥ 0, not " + tol);
        }
    }

    /** A double as the student would print it, with ±∞ spelled out. */
    static String format(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "Infinity";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-Infinity";
        }
        return Double.toString(v);
    }

    /** An array, its first entries only if long. */
    static String format(double[] values) {
        if (values.length <= SHOWN) {
            return Arrays.toString(values);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < SHOWN; i++) {
            sb.append(format(values[i])).append(", ");
        }
        return sb.append("… (").append(values.length).append(" entries)]").toString();
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof double[] d) {
            return format(d);
        }
        if (value instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof long[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }
}
