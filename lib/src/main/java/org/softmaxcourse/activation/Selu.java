package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The scaled exponential linear unit SELU(z) = λ·z for z &gt; 0 and λα(e<sup>z</sup> − 1)
 * otherwise, with the constants of Klambauer et al. (2017), λ ≈ 1.0507 and α ≈ 1.6733, chosen
 * so that activations of a deep network keep mean 0 and variance 1 ("self-normalising").
 *
 * <p>SELU′(z) = λ for z &gt; 0 and λαe<sup>z</sup> for z ≤ 0 (λα ≈ 1.7581 at 0, as PyTorch); the
 * slope jumps at 0, so SELU is not smooth.
 *
 * @see <a href="https://arxiv.org/abs/1706.02515">Klambauer et al., Self-normalizing neural networks</a>
 * @see Elu the unscaled form
 */
public final class Selu implements Activation {
    /** λ, the scale, to double precision (the paper's 1.0507009873554804934193349852946). */
    public static final double LAMBDA = 1.0507009873554804934193349852946;
    /** α, to double precision (the paper's 1.6732632423543772848170429916717). */
    public static final double ALPHA = 1.6732632423543772848170429916717;

    /** The one SELU; its constants are fixed. */
    public static final Selu INSTANCE = new Selu();

    private static final Set<Trait> TRAITS = EnumSet.of(Trait.MONOTONIC);

    private Selu() {
    }

    @Override
    public double value(double z) {
        return z > 0 ? LAMBDA * z : LAMBDA * ALPHA * Math.expm1(z);
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? LAMBDA : LAMBDA * ALPHA * Math.exp(z);
    }

    @Override
    public String name() {
        return "SELU";
    }

    @Override
    public String formula() {
        return "\\operatorname{SELU}(z) = \\lambda \\begin{cases} z & z > 0 \\\\ \\alpha\\,(e^{z} - 1) & z \\le 0 \\end{cases},"
                + "\\ \\lambda \\approx 1.0507,\\ \\alpha \\approx 1.6733";
    }

    @Override
    public String derivativeFormula() {
        return "\\operatorname{SELU}'(z) = \\lambda \\begin{cases} 1 & z > 0 \\\\ \\alpha e^{z} & z \\le 0 \\end{cases}";
    }

    @Override
    public String range() {
        return "(-1.7581, ∞)";
    }

    @Override
    public Set<Trait> traits() {
        return TRAITS;
    }

    @Override
    public String toString() {
        return "SELU(z) = λ·z if z > 0 else λα·(e^z − 1), λ = " + org.softmaxcourse.numeric.Numbers.format(LAMBDA) + ", α = "
                + org.softmaxcourse.numeric.Numbers.format(ALPHA);
    }
}
