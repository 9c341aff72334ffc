package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;

/**
 * log σ(z) = −log(1 + e<sup>−z</sup>) = −softplus(−z): the log-probability a {@link Sigmoid}
 * gives to the positive class, the building block of binary cross-entropy from logits.
 *
 * <p>(log σ)′(z) = 1 − σ(z) = σ(−z).
 *
 * <p>Finite for every finite z: log σ(−800) = −800 and log σ(−1000) = −1000, where the naive
 * log(σ(z)) is log 0 = −∞ (ND4J's log-sigmoid returns −∞ at −800).
 *
 * @see Softplus#softplus(double)
 */
public final class LogSigmoid implements Activation {
    /** The one log-sigmoid; it has no parameters. */
    public static final LogSigmoid INSTANCE = new LogSigmoid();

    private static final Set<Trait> TRAITS = EnumSet.of(Trait.MONOTONIC, Trait.SMOOTH);

    private LogSigmoid() {
    }

    /**
     * log σ(z) = −softplus(−z), finite for every finite z: log σ(−1000) = −1000 where
     * log(sigmoid(−1000)) would be log 0 = −∞.
     *
     * @param z the score
     * @return log σ(z), in [−∞, 0]; NaN for NaN
     */
    public static double logSigmoid(double z) {
        return -Softplus.softplus(-z);
    }

    @Override
    public double value(double z) {
        return logSigmoid(z);
    }

    @Override
    public double derivative(double z) {
        return Sigmoid.sigmoid(-z);
    }

    @Override
    public String name() {
        return "log-sigmoid";
    }

    @Override
    public String formula() {
        return "\\log\\sigma(z) = -\\log\\left(1 + e^{-z}\\right)";
    }

    @Override
    public String derivativeFormula() {
        return "(\\log\\sigma)'(z) = 1 - \\sigma(z) = \\sigma(-z)";
    }

    @Override
    public String range() {
        return "(-∞, 0)";
    }

    @Override
    public Set<Trait> traits() {
        return TRAITS;
    }

    @Override
    public String toString() {
        return "LogSigmoid(z) = −log(1 + e^(−z))";
    }
}
