package org.softmaxcourse.exercise;

/**
 * A check that did not hold: what is wrong (in the student's terms, never the expected answer
 * unless the check was made with {@link Check#revealing()}) and a hint for the next step.
 *
 * <p>An {@link AssertionError}, so that the test runner tells a wrong answer (this) from code
 * that crashed (any other exception).
 */
public final class CheckFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String hint;

    /**
     * Builds the failure; its message is the problem, then " Hint: " and the hint if there is one.
     *
     * @param problem what is wrong, e.g. {@code "stableSigmoid(40) = NaN is not a number."}
     * @param hint    what to look at next; may be null or empty
     */
    public CheckFailure(String problem, String hint) {
        super(hint == null || hint.isBlank() ? problem : problem + " Hint: " + hint);
        this.problem = problem;
        this.hint = hint == null ? "" : hint;
    }

    /**
     * What is wrong, without the hint.
     *
     * @return the problem as given
     */
    public String problem() {
        return problem;
    }

    /**
     * The hint, or an empty string.
     *
     * @return the hint; empty when none was given
     */
    public String hint() {
        return hint;
    }
}
