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

    /**
     * A checker whose messages also show the expected value.
     *
     * @return the revealing checker (one shared instance)
     */
    public static Checker revealing() {
        return Checker.REVEALING;
    }

    /**
     * Fails unless {@code |actual − expected| ≤ tol · max(1, |expected|)}.
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
    public static void close(String what, double actual, double expected, double tol, String hint) {
        Checker.QUIET.close(what, actual, expected, tol, hint);
    }

    /**
     * Fails unless the arrays have the same length and every entry is close.
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
    public static void close(String what, double[] actual, double[] expected, double tol, String hint) {
        Checker.QUIET.close(what, actual, expected, tol, hint);
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
    public static void equal(String what, long actual, long expected, String hint) {
        Checker.QUIET.equal(what, actual, expected, hint);
    }

    /**
     * Fails unless {@code actual} equals {@code expected} (arrays by content).
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param actual the student's value
     * @param expected the right value
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     */
    public static void equal(String what, Object actual, Object expected, String hint) {
        Checker.QUIET.equal(what, actual, expected, hint);
    }

    /**
     * Fails unless {@code condition} holds; {@code claim} states the property in words.
     *
     * @param claim the property in words; the message is "Not so: " followed by it
     * @param condition whether the property holds
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     */
    public static void that(String claim, boolean condition, String hint) {
        Checker.QUIET.that(claim, condition, hint);
    }

    /**
     * Fails when {@code actual} is NaN or infinite.
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param actual the student's value
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     */
    public static void finite(String what, double actual, String hint) {
        Checker.QUIET.finite(what, actual, hint);
    }

    /**
     * Fails unless {@code lo ≤ actual ≤ hi}.
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param actual the student's value
     * @param lo the lower end of the range
     * @param hi the upper end of the range
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     */
    public static void inRange(String what, double actual, double lo, double hi, String hint) {
        Checker.QUIET.inRange(what, actual, lo, hi, hint);
    }

    /**
     * Fails unless {@code p} is non-empty, has every entry in [0, 1] and sums to 1 within {@code tol}.
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param p the student's probability vector
     * @param tol the tolerance, finite and ≥ 0
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     * @throws IllegalArgumentException if {@code tol} is negative, infinite or NaN (a mistake of
     *         the test's author, not the student's)
     */
    public static void probabilities(String what, double[] p, double tol, String hint) {
        Checker.QUIET.probabilities(what, p, tol, hint);
    }

    /**
     * Fails unless {@code body} throws a {@code type}.
     *
     * @param what the quantity, as the student would write it; it starts the message
     * @param type the exception type expected (a subtype also passes)
     * @param body the code that should throw
     * @param hint the author's hint, shown with the message; may be null or empty
     * @throws CheckFailure if the check does not hold
     * @throws UnsupportedOperationException if {@code body} is still the "your code here" stub:
     *         its exception passes through, so the case counts as not answered
     */
    public static void throwsA(String what, Class<? extends Throwable> type, Case body, String hint) {
        Checker.QUIET.throwsA(what, type, body, hint);
    }
}
