package org.softmaxcourse.exercise;

/**
 * The outcome of one test case.
 *
 * @param name    the case's name
 * @param weight  its weight in the question's score
 * @param outcome passed, wrong answer, crashed or not answered yet
 * @param message what went wrong (empty when passed); never the expected answer unless the author
 *                used {@link Check#revealing()}
 * @param hint    the author's hint (empty when none or passed)
 */
public record CaseResult(String name, double weight, Outcome outcome, String message, String hint) {

    /** How a case ended. */
    public enum Outcome {
        /** Every check held. */
        PASSED("passed"),
        /** A {@link Check} failed: the answer is wrong. */
        FAILED("failed"),
        /** The code under test threw an exception (or an error such as a stack overflow). */
        ERROR("error"),
        /** The code under test is still the stub that throws "your code here". */
        NOT_ANSWERED("not-answered");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /**
         * The lower-case label used in the machine-readable result.
         *
         * @return e.g. {@code "not-answered"}
         */
        public String label() {
            return label;
        }
    }

    /**
     * Normalises a null message or hint to an empty string.
     *
     * @param name    the case's name
     * @param weight  its weight in the question's score
     * @param outcome how the case ended
     * @param message what went wrong, or null
     * @param hint    the author's hint, or null
     */
    public CaseResult {
        message = message == null ? "" : message;
        hint = hint == null ? "" : hint;
    }

    /**
     * Whether the case passed.
     *
     * @return {@code true} when the outcome is {@link Outcome#PASSED}
     */
    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
