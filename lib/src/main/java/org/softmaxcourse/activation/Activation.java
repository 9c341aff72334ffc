package org.softmaxcourse.activation;

import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.softmaxcourse.numeric.Require;

/**
 * An element-wise activation function g(z) and its first derivative g′(z), with the metadata
 * the course tabulates: name, LaTeX formula, range, {@link Trait}s, value and slope at 0.
 * Implementations are immutable; they are {@link DoubleUnaryOperator}s, so they plug into
 * streams and {@code Arrays.setAll}.
 *
 * @see Activations the whole zoo, in the course's order
 */
public interface Activation extends DoubleUnaryOperator {

    /**
     * g(z).
     *
     * @param z the pre-activation (score)
     * @return g(z)
     */
    double value(double z);

    /**
     * g′(z), the first derivative. Where g has a kink the documented one-sided value is used.
     *
     * @param z the pre-activation (score)
     * @return g′(z), the first derivative
     */
    double derivative(double z);

    /**
     * A short name, e.g. {@code "sigmoid"} or {@code "leaky ReLU (α = 0.01)"}.
     *
     * @return a short name
     */
    String name();

    /**
     * The definition in LaTeX, e.g. {@code \sigma(z) = \frac{1}{1 + e^{-z}}}.
     *
     * @return the definition in LaTeX
     */
    String formula();

    /**
     * The derivative in LaTeX.
     *
     * @return the derivative in LaTeX
     */
    String derivativeFormula();

    /**
     * The range of g as interval text, e.g. {@code "(0, 1)"}.
     *
     * @return the range of g as interval text
     */
    String range();

    /**
     * Which {@link Trait}s g has.
     *
     * @return which {@link Trait}s g has
     */
    Set<Trait> traits();

    /**
     * Whether g has a trait.
     *
     * @param trait the trait
     * @return true if {@code trait} is one of {@link #traits()}
     */
    default boolean has(Trait trait) {
        return traits().contains(trait);
    }

    /**
     * g(0): where a unit starts when its weights are initialised around zero (½ for the
     * sigmoid, 0 for tanh and the ReLU family).
     *
     * @return g(0): where a unit starts when its weights are initialised around zero
     */
    default double valueAtZero() {
        return value(0.0);
    }

    /**
     * g′(0), the slope at the start of training. For a function with a kink at 0 this is the
     * documented one-sided value of {@link #derivative(double)} (0 for ReLU, α for leaky ReLU).
     *
     * @return g′(0), the slope at the start of training
     */
    default double slopeAtZero() {
        return derivative(0.0);
    }

    /**
     * All of the above in one value, e.g. for a row of a table.
     *
     * @return all of the above in one value
     */
    default ActivationProfile profile() {
        return ActivationProfile.of(this);
    }

    @Override
    default double applyAsDouble(double z) {
        return value(z);
    }

    /**
     * g applied to each entry of {@code z}, as a new array.
     *
     * @param z the pre-activation (score)
     * @return g applied to each entry of {@code z}, as a new array
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    default double[] value(double[] z) {
        Require.nonEmpty("z", z);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = value(z[i]);
        }
        return out;
    }

    /**
     * g′ at each entry of {@code z}, as a new array.
     *
     * @param z the pre-activation (score)
     * @return g′ at each entry of {@code z}, as a new array
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    default double[] derivative(double[] z) {
        Require.nonEmpty("z", z);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = derivative(z[i]);
        }
        return out;
    }
}
