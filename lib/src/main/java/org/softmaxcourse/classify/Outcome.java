package org.softmaxcourse.classify;

/**
 * What a multi-class decision rule made of one input.
 *
 * <p>Softmax and argmax rules always decide. One-vs-rest with each binary model thresholding its
 * own probability at 0.5 can find several classes claiming a point, or none; one-vs-one's
 * majority vote can end in a tie. These are the "problems" the article says the reductions to
 * binary classification have (G4), and the decision-region pictures show where they happen.
 */
public enum Outcome {
    /** Exactly one class chosen. */
    DECIDED("decided"),
    /** Several one-vs-rest models said "mine" (probability ≥ 0.5). */
    AMBIGUOUS("ambiguous (several ≥ 0.5)"),
    /** No one-vs-rest model said "mine": every probability below 0.5. */
    UNCLASSIFIED("unclassified (none ≥ 0.5)"),
    /** One-vs-one: two or more classes share the most votes. */
    TIED("tied vote");

    private final String description;

    Outcome(String description) {
        this.description = description;
    }

    /**
     * A short phrase for legends and tables.
     *
     * @return a short phrase for legends and tables
     */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
