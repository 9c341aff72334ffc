package org.softmaxcourse.classify;

/** How a model was trained, which says what one entry of its {@link TrainingHistory} is. */
public enum Solver {
    /** Gradient descent, full-batch or mini-batch: one entry per epoch. */
    GRADIENT_DESCENT("epochs"),
    /** Newton's method ({@link org.softmaxcourse.numeric.Newton}): one entry per Newton step. */
    NEWTON("Newton steps");

    private final String steps;

    Solver(String steps) {
        this.steps = steps;
    }

    /**
     * What the entries after the first count, in the plural.
     *
     * @return "epochs" or "Newton steps"
     */
    public String steps() {
        return steps;
    }
}
