package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rectified linear unit ReLU(z) = max(0, z).
 *
 * <p>ReLU′(z) = 1 for z &gt; 0 and 0 for z &lt; 0. At the kink z = 0 the derivative does not
 * exist; like PyTorch and TensorFlow this class returns 0 there (a valid subgradient).
 *
 * @see LeakyRelu
 */
public final class Relu implements Activation {
    /** The one ReLU; it has no parameters. */
    public static final Relu INSTANCE = new Relu();

    private static final Set<Trait> TRAITS = EnumSet.of(Trait.MONOTONIC);

    private Relu() {
    }

    @Override
    public double value(double z) {
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1.0 : (Double.isNaN(z) ? z : 0.0);
    }

    @Override
    public String name() {
        return "ReLU";
    }

    @Override
    public String formula() {
        return "\\operatorname{ReLU}(z) = \\max(0, z)";
    }

    @Override
    public String derivativeFormula() {
        return "\\operatorname{ReLU}'(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases}";
    }

    @Override
    public String range() {
        return "[0, ∞)";
    }

    @Override
    public Set<Trait> traits() {
        return TRAITS;
    }

    @Override
    public String toString() {
        return "ReLU(z) = max(0, z)";
    }
}
