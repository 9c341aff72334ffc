package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The leaky rectified linear unit LeakyReLU<sub>α</sub>(z) = z for z &gt; 0 and αz otherwise:
 * a {@link Relu} whose negative side keeps a small slope α, so that a unit pushed below zero
 * still gets a gradient (no "dead" units).
 *
 * <p>LeakyReLU′(z) = 1 for z &gt; 0 and α for z ≤ 0 (at the kink z = 0 the left slope α is
 * used, as PyTorch does).
 */
public final class LeakyRelu implements Activation {
    /** The slope 0.01 that PyTorch and Keras use by default. */
    public static final double DEFAULT_SLOPE = 0.01;

    private final double slope;

    /**
     * A leaky ReLU with negative-side slope {@code slope}, which must be finite and in [0, 1)
     * (0 gives the plain ReLU; 1 or more would no longer be a rectifier).
     *
     * @param slope the slope for z ≤ 0, finite
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public LeakyRelu(double slope) {
        if (!(slope >= 0.0 && slope < 1.0)) {
            throw new IllegalArgumentException("slope = " + slope + " must lie in [0, 1)");
        }
        this.slope = slope;
    }

    /** A leaky ReLU with the {@link #DEFAULT_SLOPE default slope} 0.01. */
    public LeakyRelu() {
        this(DEFAULT_SLOPE);
    }

    /**
     * α, the slope for z ≤ 0.
     *
     * @return α, the slope for z ≤ 0
     */
    public double slope() {
        return slope;
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : slope * z;
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1.0 : (Double.isNaN(z) ? z : slope);
    }

    @Override
    public String name() {
        return "leaky ReLU (α = " + slope + ")";
    }

    @Override
    public String formula() {
        return "\\operatorname{LeakyReLU}_\\alpha(z) = \\begin{cases} z & z > 0 \\\\ \\alpha z & z \\le 0 \\end{cases}";
    }

    @Override
    public String derivativeFormula() {
        return "\\operatorname{LeakyReLU}_\\alpha'(z) = \\begin{cases} 1 & z > 0 \\\\ \\alpha & z \\le 0 \\end{cases}";
    }

    @Override
    public String range() {
        return slope == 0 ? "[0, ∞)" : "(-∞, ∞)";
    }

    @Override
    public Set<Trait> traits() {
        return EnumSet.of(Trait.MONOTONIC);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeakyRelu l && Double.compare(l.slope, slope) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(slope);
    }

    @Override
    public String toString() {
        return "LeakyReLU(z) = z if z > 0 else " + slope + "·z";
    }
}
