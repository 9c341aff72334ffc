package org.softmaxcourse.activation;

/** Qualitative properties of an activation function, for comparing them in a table. */
public enum Trait {
    /** Never decreases: a larger score never gives a smaller output. */
    MONOTONIC("monotonic"),
    /** Takes negative and positive values, balanced around 0 (tanh, not sigmoid). */
    ZERO_CENTRED("zero-centred"),
    /**
     * Flattens towards a constant as z → −∞ and as z → +∞, so its slope vanishes for large |z|
     * on both sides (sigmoid, tanh); ReLU-like functions, unbounded above, are not saturating.
     */
    SATURATING("saturating"),
    /** Has a continuous first derivative everywhere (no kink). */
    SMOOTH("smooth");

    private final String label;

    Trait(String label) {
        this.label = label;
    }

    /**
     * A short lower-case label, e.g. {@code "zero-centred"}.
     *
     * @return a short lower-case label
     */
    public String label() {
        return label;
    }
}
