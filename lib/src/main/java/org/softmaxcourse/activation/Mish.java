package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Mish(z) = z·tanh(softplus(z)) = z·tanh(ln(1 + e<sup>z</sup>)) (Misra, 2019): a smooth,
 * non-monotonic activation like {@link Swish}, with its minimum of about −0.3088 at z ≈ −1.1924.
 * Mish(1) = 0.8650983882673103. (DJL 0.33 computes the softplus with log₂ instead of ln and
 * gets 0.9558; the natural log is the definition.)
 *
 * <p>Mish′(z) = tanh(softplus(z)) + z·sech²(softplus(z))·σ(z), since softplus′ = σ.
 *
 * <p>The softplus is the exact one of {@link Softplus#softplus(double)}, so Mish(1000) = 1000 and
 * the left tail Mish(z) ≈ z·e<sup>z</sup> keeps its digits; Mish(−∞) = 0 and Mish′(±∞) take
 * their limits.
 *
 * @see <a href="https://arxiv.org/abs/1908.08681">Misra, Mish: a self regularized non-monotonic activation function</a>
 * @see Swish
 */
public final class Mish implements Activation {
    /** The one Mish; it has no parameters. */
    public static final Mish INSTANCE = new Mish();

    private static final Set<Trait> TRAITS = EnumSet.of(Trait.SMOOTH);

    private Mish() {
    }

    @Override
    public double value(double z) {
        if (z == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        if (z < -708) {
            // tanh(softplus z) = e^z·(1 − O(e^z)) is e^z to the last bit here, but subnormal: multiply
            // z by e^(z/2) twice so that the product keeps its digits.
            double h = Math.exp(0.5 * z);
            return z * h * h;
        }
        return z * Math.tanh(Softplus.softplus(z));
    }

    @Override
    public double derivative(double z) {
        if (Double.isInfinite(z)) {
            return z > 0 ? 1.0 : 0.0;
        }
        double sp = Softplus.softplus(z);
        // sech = 1/cosh, squared after the division so that it underflows gracefully.
        double sech = 1.0 / Math.cosh(sp);
        return Math.tanh(sp) + z * sech * sech * Sigmoid.sigmoid(z);
    }

    @Override
    public String name() {
        return "Mish";
    }

    @Override
    public String formula() {
        return "\\operatorname{Mish}(z) = z \\tanh\\bigl(\\ln(1 + e^{z})\\bigr)";
    }

    @Override
    public String derivativeFormula() {
        return "\\operatorname{Mish}'(z) = \\tanh(\\operatorname{softplus} z) + z\\,\\operatorname{sech}^2(\\operatorname{softplus} z)\\,\\sigma(z)";
    }

    @Override
    public String range() {
        return "[-0.3088, ∞)";
    }

    @Override
    public Set<Trait> traits() {
        return TRAITS;
    }

    @Override
    public String toString() {
        return "Mish(z) = z·tanh(ln(1 + e^z))";
    }
}
