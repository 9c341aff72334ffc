package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;
import org.softmaxcourse.numeric.Require;

/**
 * The exponential linear unit ELU<sub>α</sub>(z) = z for z &gt; 0 and α(e<sup>z</sup> − 1)
 * otherwise (Clevert et al., 2015): the identity on the right like {@link Relu}, but a smooth
 * negative tail that saturates at −α, which pushes mean activations towards 0.
 *
 * <p>ELU′(z) = 1 for z &gt; 0 and αe<sup>z</sup> for z ≤ 0 (so αe⁰ = α at 0, as PyTorch). With
 * α = 1 the two sides meet with slope 1 and ELU is smooth. e<sup>z</sup> − 1 is computed with
 * {@code expm1}, exact for tiny negative z.
 *
 * @see <a href="https://arxiv.org/abs/1511.07289">Clevert et al., Fast and accurate deep network learning by ELUs</a>
 * @see Selu the self-normalising scaled ELU
 */
public final class Elu implements Activation {
    /** The α of the paper and of PyTorch's default. */
    public static final double DEFAULT_ALPHA = 1.0;

    private final double alpha;

    /**
     * An ELU with negative saturation value −α; α must be finite and greater than 0.
     *
     * @param alpha α, finite
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public Elu(double alpha) {
        Require.positiveFinite("alpha", alpha);
        this.alpha = alpha;
    }

    /** ELU with α = 1. */
    public Elu() {
        this(DEFAULT_ALPHA);
    }

    /**
     * α.
     *
     * @return α
     */
    public double alpha() {
        return alpha;
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : alpha * Math.expm1(z);
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1.0 : alpha * Math.exp(z);
    }

    @Override
    public String name() {
        return "ELU (α = " + alpha + ")";
    }

    @Override
    public String formula() {
        return "\\operatorname{ELU}_\\alpha(z) = \\begin{cases} z & z > 0 \\\\ \\alpha\\,(e^{z} - 1) & z \\le 0 \\end{cases}";
    }

    @Override
    public String derivativeFormula() {
        return "\\operatorname{ELU}_\\alpha'(z) = \\begin{cases} 1 & z > 0 \\\\ \\alpha e^{z} & z \\le 0 \\end{cases}";
    }

    @Override
    public String range() {
        return "(" + -alpha + ", ∞)";
    }

    @Override
    public Set<Trait> traits() {
        return alpha == 1.0 ? EnumSet.of(Trait.MONOTONIC, Trait.SMOOTH) : EnumSet.of(Trait.MONOTONIC);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Elu e && Double.compare(e.alpha, alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha) * 31 + 11;
    }

    @Override
    public String toString() {
        return "ELU(z) = z if z > 0 else " + org.softmaxcourse.numeric.Numbers.format(alpha) + "·(e^z − 1)";
    }
}
