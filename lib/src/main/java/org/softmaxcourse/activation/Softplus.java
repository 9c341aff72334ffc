package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;
import org.softmaxcourse.internal.kernel.Exp;
import org.softmaxcourse.internal.kernel.Log1p;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * softplus<sub>β</sub>(z) = (1/β)·log(1 + e<sup>βz</sup>), a smooth {@link Relu} (Dugas et al.,
 * 2001); the sharpness β &gt; 0 defaults to 1, and β → ∞ gives the ReLU.
 *
 * <p>softplus′<sub>β</sub>(z) = σ(βz): its derivative is the {@link Sigmoid}, and
 * softplus(z) − softplus(−z) = z.
 *
 * <p>Computed as max(βz, 0) + log1p(e<sup>−|βz|</sup>), exact everywhere: softplus(1000) = 1000
 * (no overflow) and softplus(21) = 21.000000000758256. PyTorch instead returns z itself once
 * βz &gt; 20 (its {@code threshold}), which gives 21.0; this class has no threshold.
 *
 * @see <a href="https://pytorch.org/docs/stable/generated/torch.nn.Softplus.html">torch.nn.Softplus</a>
 */
public final class Softplus implements Activation {
    /** softplus with β = 1. */
    public static final Softplus INSTANCE = new Softplus(1.0);

    private static final Set<Trait> TRAITS = EnumSet.of(Trait.MONOTONIC, Trait.SMOOTH);

    private final double beta;

    /**
     * softplus(x) = log(1 + e<sup>x</sup>) = max(x, 0) + log1p(e<sup>−|x|</sup>), the β = 1
     * function: the second form never overflows (softplus(1000) = 1000) and keeps full precision
     * for very negative x, where e<sup>−|x|</sup> is tiny and log1p keeps it.
     *
     * @param x the argument
     * @return softplus(x), in [0, ∞]; NaN for NaN
     */
    public static double softplus(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        return Math.max(x, 0.0) + Log1p.log1p(Exp.exp(-Math.abs(x)));
    }

    /**
     * softplus with sharpness {@code beta}, which must be finite and greater than 0.
     *
     * @param beta β, finite and greater than 0
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public Softplus(double beta) {
        Require.positiveFinite("beta", beta);
        this.beta = beta;
    }

    /**
     * β.
     *
     * @return β
     */
    public double beta() {
        return beta;
    }

    @Override
    public double value(double z) {
        double bz = beta * z;
        if (Double.isInfinite(bz) && !Double.isInfinite(z)) {
            // β·z overflowed: softplus is then z itself on the right and 0 on the left.
            return Math.max(z, 0.0);
        }
        return beta == 1.0 ? softplus(z) : softplus(bz) / beta;
    }

    @Override
    public double derivative(double z) {
        return Sigmoid.sigmoid(beta * z);
    }

    @Override
    public String name() {
        return beta == 1.0 ? "softplus" : "softplus (β = " + beta + ")";
    }

    @Override
    public String formula() {
        return beta == 1.0 ? "\\operatorname{softplus}(z) = \\log\\left(1 + e^{z}\\right)"
                : "\\operatorname{softplus}_\\beta(z) = \\frac{1}{\\beta}\\log\\left(1 + e^{\\beta z}\\right)";
    }

    @Override
    public String derivativeFormula() {
        return beta == 1.0 ? "\\operatorname{softplus}'(z) = \\sigma(z)"
                : "\\operatorname{softplus}_\\beta'(z) = \\sigma(\\beta z)";
    }

    @Override
    public String range() {
        return "(0, ∞)";
    }

    @Override
    public Set<Trait> traits() {
        return TRAITS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Softplus s && Double.compare(s.beta, beta) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(beta) * 31 + 13;
    }

    @Override
    public String toString() {
        return "softplus(z) = log(1 + e^(βz)) / β, β = " + Matrix.format(beta);
    }
}
