package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;
import org.softmaxcourse.numeric.Require;

/**
 * The parametric ReLU PReLU<sub>a</sub>(z) = z for z &gt; 0 and a·z otherwise: a
 * {@link LeakyRelu} whose negative-side slope a is learned with the other weights (He et al.,
 * 2015, who start it at 0.25).
 *
 * <p>∂PReLU/∂z = 1 for z &gt; 0 and a for z ≤ 0 (a at the kink, as PyTorch does);
 * ∂PReLU/∂a = 0 for z &gt; 0 and z for z ≤ 0, which {@link #derivativeWrtSlope(double)} and, summed
 * over a batch, {@link #slopeGradient(double[], double[])} return.
 *
 * @see <a href="https://arxiv.org/abs/1502.01852">He et al., Delving deep into rectifiers</a>
 * @see LeakyRelu the same function with a fixed slope
 */
public final class PRelu implements Activation {
    /** The initial slope of He et al. and of PyTorch's {@code nn.PReLU}. */
    public static final double DEFAULT_SLOPE = 0.25;

    private final double slope;

    /**
     * A PReLU with slope {@code slope}, which must be finite (any sign: it is learned).
     *
     * @param slope the slope for z ≤ 0, finite
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public PRelu(double slope) {
        Require.notNaN("slope", slope);
        if (Double.isInfinite(slope)) {
            throw new IllegalArgumentException("slope = " + slope + " must be finite");
        }
        this.slope = slope;
    }

    /** A PReLU with the initial slope 0.25. */
    public PRelu() {
        this(DEFAULT_SLOPE);
    }

    /**
     * a, the slope for z ≤ 0.
     *
     * @return a, the slope for z ≤ 0
     */
    public double slope() {
        return slope;
    }

    /**
     * The same function with another slope, e.g. after a gradient step.
     *
     * @param slope the slope for z ≤ 0, finite
     * @return the same function with another slope
     */
    public PRelu withSlope(double slope) {
        return new PRelu(slope);
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : slope * z;
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1.0 : (Double.isNaN(z) ? z : slope);
    }

    /**
     * ∂PReLU<sub>a</sub>(z)/∂a: 0 for z &gt; 0, z for z ≤ 0.
     *
     * @param z the pre-activation (score)
     * @return ∂PReLU<sub>a</sub>(z)/∂a: 0 for z &gt; 0, z for z ≤ 0
     */
    public double derivativeWrtSlope(double z) {
        return z > 0 ? 0.0 : z;
    }

    /**
     * ∂L/∂a = Σᵢ (∂L/∂gᵢ)·(∂gᵢ/∂a) for one slope shared by all entries of {@code z}, given the
     * upstream gradient ∂L/∂gᵢ: the number a training step needs.
     *
     * @param z the pre-activation (score)
     * @param upstream ∂L/∂(output), one entry per entry of {@code z}
     * @return ∂L/∂a, the number a training step needs
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public double slopeGradient(double[] z, double[] upstream) {
        Require.nonEmpty("z", z);
        Require.nonEmpty("upstream", upstream);
        Require.sameLength("z", z, "upstream", upstream);
        double g = 0;
        for (int i = 0; i < z.length; i++) {
            if (!(z[i] > 0)) {
                g += upstream[i] * z[i];
            }
        }
        return g;
    }

    @Override
    public String name() {
        return "PReLU (a = " + slope + ")";
    }

    @Override
    public String formula() {
        return "\\operatorname{PReLU}_a(z) = \\begin{cases} z & z > 0 \\\\ a z & z \\le 0 \\end{cases}";
    }

    @Override
    public String derivativeFormula() {
        return "\\frac{\\partial}{\\partial z}\\operatorname{PReLU}_a(z) = \\begin{cases} 1 & z > 0 \\\\ a & z \\le 0 \\end{cases},"
                + "\\quad \\frac{\\partial}{\\partial a}\\operatorname{PReLU}_a(z) = \\begin{cases} 0 & z > 0 \\\\ z & z \\le 0 \\end{cases}";
    }

    @Override
    public String range() {
        return slope > 0 ? "(-∞, ∞)" : "[0, ∞)";
    }

    @Override
    public Set<Trait> traits() {
        return slope >= 0 ? EnumSet.of(Trait.MONOTONIC) : EnumSet.noneOf(Trait.class);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PRelu p && Double.compare(p.slope, slope) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(slope) * 31 + 7;
    }

    @Override
    public String toString() {
        return "PReLU(z) = z if z > 0 else a·z, a = " + org.softmaxcourse.numeric.Numbers.format(slope);
    }
}
