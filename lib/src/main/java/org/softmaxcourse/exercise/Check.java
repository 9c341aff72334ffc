package org.softmaxcourse.exercise;

/**
 * Checks for exercises and graded tests. Each throws a {@link CheckFailure} that says what is
 * wrong with the student's value and gives the author's hint — never the expected answer. Use
 * {@link #revealing()} where showing the target is fine.
 *
 * <pre>
 *   Check.close("stableSigmoid(2)", stableSigmoid(2), 0.8807970779778823, 1e-12, "σ(z) = 1 / (1 + e^(−z))");
 *   Check.probabilities("stableSoftmax(z)", stableSoftmax(z), 1e-12, "divide by the sum of the exponentials");
 *   Check.that("stableSoftmax(z) leaves z unchanged", Arrays.equals(z, copy), "work on a copy");
 * </pre>
 *
 * <p>{@code what} names the quantity the way the student would write it; it starts the message.
 * For the tolerance rule see {@link Checker}.
 */
public final class Check {
    private Check() {
    }

    /** A checker whose messages also show the expected value. */
    public static Checker revealing() {
        return Checker.REVEALING;
    }

    /** Fails unless {@code |actual − expected| ≤ tol · max(1, |expected|)}. */
    public static void close(String what, double actual, double expected, double tol, String hint) {
        Checker.QUIET.close(what, actual, expected, tol, hint);
    }

    /** Fails unless the arrays have the same length and every entry is close. */
    public static void close(String what, double[] actual, double[] expected, double tol, String hint) {
        Checker.QUIET.close(what, actual, expected, tol, hint);
    }

    /** Fails unless {@code actual == expected}. */
    public static void equal(String what, long actual, long expected, String hint) {
        Checker.QUIET.equal(what, actual, expected, hint);
    }

    /** Fails unless {@code actual} equals {@code expected} (arrays by content). */
    public static void equal(String what, Object actual, Object expected, String hint) {
        Checker.QUIET.equal(what, actual, expected, hint);
    }

    /** Fails unless {@code condition} holds; {@code claim} states the property in words. */
    public static void that(String claim, boolean condition, String hint) {
        Checker.QUIET.that(claim, condition, hint);
    }

    /** Fails when {@code actual} is NaN or infinite. */
    public static void finite(String what, double actual, String hint) {
        Checker.QUIET.finite(what, actual, hint);
    }

    /** Fails unless {@code lo ≤ actual ≤ hi}. */
    public static void inRange(String what, double actual, double lo, double hi, String hint) {
        Checker.QUIET.inRange(what, actual, lo, hi, hint);
    }

    /** Fails unless {@code p} is non-empty, has every entry in [0, 1] and sums to 1 within {@code tol}. */
    public static void probabilities(String what, double[] p, double tol, String hint) {
        Checker.QUIET.probabilities(what, p, tol, hint);
    }

    /** Fails unless {@code body} throws a {@code type}. */
    public static void throwsA(String what, Class<? extends Throwable> type, Case body, String hint) {
        Checker.QUIET.throwsA(what, type, body, hint);
    }
}
