package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The hyperbolic tangent tanh(z) = (e<sup>z</sup> − e<sup>−z</sup>) / (e<sup>z</sup> +
 * e<sup>−z</sup>) = 2σ(2z) − 1: a sigmoid stretched to (−1, 1) and centred on 0.
 *
 * <p>tanh′(z) = 1 − tanh²(z) = 1 / cosh²(z).
 *
 * @see Sigmoid
 */
public final class Tanh implements Activation {
    /** The one tanh; it has no parameters. */
    public static final Tanh INSTANCE = new Tanh();

    private static final Set<Trait> TRAITS =
            EnumSet.of(Trait.MONOTONIC, Trait.ZERO_CENTRED, Trait.SATURATING, Trait.SMOOTH);

    private Tanh() {
    }

    @Override
    public double value(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z) {
        // 1/cosh² keeps its relative precision in the tails, where 1 − tanh² cancels to 0 early.
        // Square 1/cosh, not cosh: cosh² overflows from |z| ≈ 355 on, while the true value only
        // underflows past |z| ≈ 372 (tanh′(360) ≈ 8.1e-313, a subnormal). cosh itself overflows
        // beyond |z| ≈ 710 and the result is then the correct limit 0.
        double s = 1.0 / Math.cosh(z);
        return s * s;
    }

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String formula() {
        return "\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}";
    }

    @Override
    public String derivativeFormula() {
        return "\\tanh'(z) = 1 - \\tanh^2(z)";
    }

    @Override
    public String range() {
        return "(-1, 1)";
    }

    @Override
    public Set<Trait> traits() {
        return TRAITS;
    }

    @Override
    public String toString() {
        return "Tanh tanh(z) = (e^z - e^(-z)) / (e^z + e^(-z))";
    }
}
