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
        if (z < 0) {
            return negativeValue(z);
        }
        return z * Math.tanh(Softplus.softplus(z));
    }

    /**
     * Mish(z) for −708 ≤ z &lt; 0 as z·e(2 + e)/D, e = e<sup>z</sup>, D = 2 + e(2 + e): tanh(softplus z)
     * = ((1 + e)² − 1)/((1 + e)² + 1) without rounding the softplus and the tanh one after the
     * other (which cost up to 3 ULP). The numerator and D are heads and fma-exact tails.
     */
    private static double negativeValue(double z) {
        double e = Math.exp(z);
        double u = 2 + e;
        double uLo = e - (u - 2);
        double v = e * u;
        double vLo = Math.fma(e, u, -v) + e * uLo;
        double d = 2 + v;
        double dLo = (v - (d - 2)) + vLo;
        double n = z * v;
        double nLo = Math.fma(z, v, -n) + z * vLo;
        double q = n / d;
        return q + (Math.fma(-q, d, n) + nLo - q * dLo) / d;
    }

    @Override
    public double derivative(double z) {
        if (Double.isInfinite(z)) {
            // −0: the derivative is negative all along the left tail, as it underflows.
            return z > 0 ? 1.0 : -0.0;
        }
        if (z < 0) {
            return negativeDerivative(z);
        }
        double sp = Softplus.softplus(z);
        // sech = 1/cosh, squared after the division so that it underflows gracefully.
        double sech = 1.0 / Math.cosh(sp);
        return Math.tanh(sp) + z * sech * sech * Sigmoid.sigmoid(z);
    }

    /**
     * Mish′(z) for z &lt; 0 as e·M/D² with e = e<sup>z</sup>, D = 2 + e(2 + e) (that is
     * (1 + e)² + 1) and M = 4(1 + z) + e(6 + 4z + e(4 + e)): the two terms of the derivative over
     * one denominator, so that no tanh, cosh or σ is rounded on its own. M crosses 0 at the minimum
     * of Mish (z ≈ −1.1924), where 4(1 + z), exact, cancels against the rest. D² is a head and an
     * fma-exact tail. Below z = −708, e is subnormal and is applied as e<sup>z/2</sup> twice
     * (D² = 4 there).
     */
    private static double negativeDerivative(double z) {
        double a = 4 * (1 + z);
        double aLo = 4 * ((1 - (1 + z)) + z);
        if (z < -708) {
            double h = Math.exp(0.5 * z);
            return 0.25 * (a + aLo) * h * h;
        }
        double e = Math.exp(z);
        double m = a + (e * (6 + 4 * z + e * (4 + e)) + aLo);
        // D = 2 + e(2 + e) and D² as heads and tails (Fast2Sum and fma), 0 ≤ e ≤ 1.
        double u = 2 + e;
        double uLo = e - (u - 2);
        double v = e * u;
        double vLo = Math.fma(e, u, -v) + e * uLo;
        double d = 2 + v;
        double dLo = (v - (d - 2)) + vLo;
        double sq = d * d;
        double sqLo = Math.fma(d, d, -sq) + 2 * d * dLo;
        double r = e * m / sq;
        return r - r * (sqLo / sq);
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
