package org.softmaxcourse.activation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.softmaxcourse.numeric.Matrix;

/**
 * What an {@link Activation} says about itself, as one plain value: a row of the course's
 * comparison table (G3), with no table library needed.
 *
 * @param name              e.g. {@code "ReLU"}
 * @param formula           g(z) in LaTeX
 * @param derivativeFormula g′(z) in LaTeX
 * @param range             the range as interval text, e.g. {@code "(0, 1)"}
 * @param traits            the {@link Trait}s it has (unmodifiable)
 * @param valueAtZero       g(0)
 * @param slopeAtZero       g′(0), the documented one-sided value at a kink
 */
public record ActivationProfile(String name, String formula, String derivativeFormula, String range,
                                Set<Trait> traits, double valueAtZero, double slopeAtZero) {

    /**
     * A profile; it keeps an unmodifiable copy of the traits.
     *
     * @param name              the activation's name
     * @param formula           g(z) in LaTeX
     * @param derivativeFormula g′(z) in LaTeX
     * @param range             the range as interval text
     * @param traits            the traits it has
     * @param valueAtZero       g(0)
     * @param slopeAtZero       g′(0)
     */
    public ActivationProfile {
        traits = Collections.unmodifiableSet(traits.isEmpty() ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(traits));
    }

    /**
     * The profile of {@code activation}.
     *
     * @param activation the activation to profile
     * @return the profile of {@code activation}
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static ActivationProfile of(Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("activation is null");
        }
        return new ActivationProfile(activation.name(), activation.formula(), activation.derivativeFormula(),
                activation.range(), activation.traits(), activation.valueAtZero(), activation.slopeAtZero());
    }

    /**
     * Whether the activation has a trait.
     *
     * @param trait the trait
     * @return true if {@code trait} is one of {@link #traits()}
     */
    public boolean has(Trait trait) {
        return traits.contains(trait);
    }

    /** One line, e.g. {@code sigmoid: range (0, 1); monotonic, saturating, smooth; g(0) = 0.5, g′(0) = 0.25}. */
    @Override
    public String toString() {
        String t = traits.isEmpty() ? "no traits"
                : traits.stream().map(Trait::label).collect(Collectors.joining(", "));
        return name + ": range " + range + "; " + t + "; g(0) = " + Matrix.format(valueAtZero)
                + ", g′(0) = " + Matrix.format(slopeAtZero);
    }
}
