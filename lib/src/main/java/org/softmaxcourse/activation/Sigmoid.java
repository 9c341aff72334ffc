package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;
import org.softmaxcourse.internal.kernel.Exp;

/**
 * The logistic sigmoid σ(z) = 1 / (1 + e<sup>−z</sup>), which squashes ℝ into (0, 1) so that its
 * output reads as a probability P(y = 1 | x) (a.k.a. the standard logistic function).
 *
 * <p>σ′(z) = σ(z)(1 − σ(z)) = σ(z)σ(−z). Symmetry: σ(−z) = 1 − σ(z). Its inverse is the {@link Logit logit}
 * log(p / (1 − p)), and log σ is {@link LogSigmoid#logSigmoid(double)}.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Logistic_function">Logistic function</a>
 */
public final class Sigmoid implements Activation {
    /** The one sigmoid; it has no parameters. */
    public static final Sigmoid INSTANCE = new Sigmoid();

    private static final Set<Trait> TRAITS = EnumSet.of(Trait.MONOTONIC, Trait.SATURATING, Trait.SMOOTH);

    private Sigmoid() {
    }

    /**
     * σ(z), exact to the last bit or so for every double.
     *
     * @param z the pre-activation (score)
     * @return σ(z), exact to the last bit or so for every double
     */
    public static double sigmoid(double z) {
        // e^(-z) overflows for z < -709; write σ in terms of e^(-|z|) <= 1 instead.
        if (z >= 0) {
            return 1.0 / (1.0 + Exp.exp(-z));
        }
        double e = Exp.exp(z);
        return e / (1.0 + e);
    }

    @Override
    public double value(double z) {
        return sigmoid(z);
    }

    @Override
    public double derivative(double z) {
        // σ(z)·σ(−z) rather than σ(1 − σ): 1 − σ(z) loses every digit once σ(z) rounds to 1.
        return sigmoid(z) * sigmoid(-z);
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String formula() {
        return "\\sigma(z) = \\frac{1}{1 + e^{-z}}";
    }

    @Override
    public String derivativeFormula() {
        return "\\sigma'(z) = \\sigma(z)\\,\\bigl(1 - \\sigma(z)\\bigr)";
    }

    @Override
    public String range() {
        return "(0, 1)";
    }

    @Override
    public Set<Trait> traits() {
        return TRAITS;
    }

    @Override
    public String toString() {
        return "Sigmoid σ(z) = 1 / (1 + e^(-z))";
    }
}
