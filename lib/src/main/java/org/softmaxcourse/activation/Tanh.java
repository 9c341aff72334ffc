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
        // sech² z = 4t/(1 + t)² with t = e^(−2|z|) ≤ 1: no cancellation (1 − tanh² loses every digit
        // in the tails) and no overflow. (1 + t)² is carried as a head and an fma-exact tail, so the
        // result has the error of e^(−2|z|) and one division, about 1 ULP (squaring 1/cosh gave 4).
        double a = Math.abs(z);
        if (a > 350) {
            // t is subnormal or nearly: (4h)·h with h = e^(−|z|) keeps the digits; (1 + t)² is 1.
            double h = Math.exp(-a);
            return 4 * h * h;
        }
        double t = Math.exp(-2 * a);
        double s = 1 + t;
        double sLo = t - (s - 1);
        double sq = s * s;
        double sqLo = Math.fma(s, s, -sq) + 2 * s * sLo;
        double r = 4 * t / sq;
        return r - r * (sqLo / sq);
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
