package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The hard sigmoid, PyTorch's definition: hardsigmoid(z) = ReLU6(z + 3) / 6, that is 0 for
 * z ≤ −3, 1 for z ≥ 3 and z/6 + ½ in between. A piecewise-linear stand-in for the
 * {@link Sigmoid} that costs no exponential.
 *
 * <p>hardsigmoid′(z) = 1/6 on (−3, 3) and 0 outside; at the two kinks the 0 of the flat side is
 * used, as PyTorch does. (Keras once used 0.2z + 0.5 clipped to [0, 1]; this is not that one.)
 *
 * @see <a href="https://pytorch.org/docs/stable/generated/torch.nn.Hardsigmoid.html">torch.nn.Hardsigmoid</a>
 * @see Relu6
 */
public final class HardSigmoid implements Activation {
    /** The one hard sigmoid; it has no parameters. */
    public static final HardSigmoid INSTANCE = new HardSigmoid();

    private static final Set<Trait> TRAITS = EnumSet.of(Trait.MONOTONIC, Trait.SATURATING);

    private HardSigmoid() {
    }

    @Override
    public double value(double z) {
        if (z <= -3) {
            return 0.0;
        }
        if (z >= 3) {
            return 1.0;
        }
        return z / 6 + 0.5;
    }

    @Override
    public double derivative(double z) {
        if (Double.isNaN(z)) {
            return z;
        }
        return z > -3 && z < 3 ? 1.0 / 6 : 0.0;
    }

    @Override
    public String name() {
        return "hard sigmoid";
    }

    @Override
    public String formula() {
        return "\\operatorname{hardsigmoid}(z) = \\frac{\\min(\\max(0,\\, z + 3),\\, 6)}{6}";
    }

    @Override
    public String derivativeFormula() {
        return "\\operatorname{hardsigmoid}'(z) = \\begin{cases} 1/6 & -3 < z < 3 \\\\ 0 & \\text{otherwise} \\end{cases}";
    }

    @Override
    public String range() {
        return "[0, 1]";
    }

    @Override
    public Set<Trait> traits() {
        return TRAITS;
    }

    @Override
    public String toString() {
        return "HardSigmoid(z) = min(max(0, z + 3), 6) / 6";
    }
}
