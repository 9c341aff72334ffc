package org.softmaxcourse.derivation;

/**
 * One step of a {@link Derivation}: a short label, the equation in LaTeX (without delimiters), a
 * one-line justification, and the numeric check of the equation.
 *
 * @param label         a few words, e.g. {@code "chain rule"}
 * @param latex         the equation, e.g. {@code \frac{\partial \ell}{\partial z} = \sigma(z) - y}
 * @param justification why it follows, one sentence
 * @param check         evaluates both sides on inputs
 */
public record Step(String label, String latex, String justification, StepCheck<?> check) {

    /**
     * A step; every part must be given.
     *
     * @param label         a few words
     * @param latex         the equation
     * @param justification why it follows
     * @param check         evaluates both sides on inputs
     * @throws IllegalArgumentException if a part is null or blank
     */
    public Step {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label is empty: every step needs a name");
        }
        if (latex == null || latex.isBlank()) {
            throw new IllegalArgumentException("latex of step \"" + label + "\" is empty");
        }
        if (justification == null || justification.isBlank()) {
            throw new IllegalArgumentException("justification of step \"" + label + "\" is empty");
        }
        if (check == null) {
            throw new IllegalArgumentException("check of step \"" + label + "\" is null: every step is checked");
        }
    }

    @Override
    public String toString() {
        return label + ": " + latex + " (" + justification + ")";
    }
}
