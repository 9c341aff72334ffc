package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * Swish<sub>β</sub>(z) = z·σ(βz) (Ramachandran et al., 2017); with β = 1 it is the SiLU,
 * sigmoid-weighted linear unit (Elfwing et al., 2017; PyTorch's {@code nn.SiLU}). A smooth,
 * non-monotonic ReLU look-alike: it dips to a minimum of about −0.2785/β at z ≈ −1.2785/β.
 *
 * <p>Swish′<sub>β</sub>(z) = σ(βz) + βz·σ(βz)(1 − σ(βz)) = σ(βz)·(1 + βz·σ(−βz)).
 *
 * <p>The limits are taken at ±∞ (Swish(−∞) = 0, not −∞·0 = NaN; Swish′(+∞) = 1).
 *
 * @see <a href="https://arxiv.org/abs/1710.05941">Ramachandran et al., Searching for activation functions</a>
 * @see Sigmoid
 * @see Mish
 */
public final class Swish implements Activation {
    /** SiLU(z) = z·σ(z), Swish with β = 1. */
    public static final Swish SILU = new Swish(1.0);

    /** Where z·σ(z) is smallest, z* (solves 1 + z·σ(−z) = 0); its value there is 1 + z*. */
    static final double ARGMIN = -1.2784645427610737951;

    private final double beta;

    /**
     * Swish with {@code beta}, which must be finite and greater than 0.
     *
     * @param beta β, finite and greater than 0
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public Swish(double beta) {
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
        if (Double.isInfinite(bz)) {
            return bz > 0 ? z : 0.0;
        }
        if (bz < -708) {
            // σ(βz) = e^(βz)/(1 + e^(βz)) is e^(βz) to the last bit here but subnormal, with too few
            // digits left for z·σ(βz); multiply z by e^(βz/2) twice instead (βz/2 is exact).
            double h = Math.exp(0.5 * bz);
            return z * h * h;
        }
        return z * Sigmoid.sigmoid(bz);
    }

    @Override
    public double derivative(double z) {
        double bz = beta * z;
        if (Double.isInfinite(bz)) {
            return bz > 0 ? 1.0 : 0.0;
        }
        double s = Sigmoid.sigmoid(bz);
        return s * (1.0 + bz * Sigmoid.sigmoid(-bz));
    }

    /**
     * The smallest value, (1 + z*)/β ≈ −0.2785/β.
     *
     * @return the smallest value, (1 + z*)/β ≈ −0.2785/β
     */
    public double minimum() {
        return (1.0 + ARGMIN) / beta;
    }

    @Override
    public String name() {
        return beta == 1.0 ? "SiLU" : "swish (β = " + beta + ")";
    }

    @Override
    public String formula() {
        return beta == 1.0 ? "\\operatorname{SiLU}(z) = z\\,\\sigma(z)"
                : "\\operatorname{swish}_\\beta(z) = z\\,\\sigma(\\beta z)";
    }

    @Override
    public String derivativeFormula() {
        return beta == 1.0 ? "\\operatorname{SiLU}'(z) = \\sigma(z)\\bigl(1 + z\\,(1 - \\sigma(z))\\bigr)"
                : "\\operatorname{swish}_\\beta'(z) = \\sigma(\\beta z)\\bigl(1 + \\beta z\\,(1 - \\sigma(\\beta z))\\bigr)";
    }

    @Override
    public String range() {
        return "[" + Matrix.format(minimum()) + ", ∞)";
    }

    @Override
    public Set<Trait> traits() {
        return EnumSet.of(Trait.SMOOTH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Swish s && Double.compare(s.beta, beta) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(beta) * 31 + 17;
    }

    @Override
    public String toString() {
        return "Swish(z) = z·σ(βz), β = " + Matrix.format(beta);
    }
}
