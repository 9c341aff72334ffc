package org.softmaxcourse.activation;

import java.util.EnumSet;
import java.util.Set;

/**
 * ReLU6(z) = min(max(0, z), 6): a {@link Relu} capped at 6, used in mobile networks (MobileNet)
 * because a bounded activation survives low-precision arithmetic.
 *
 * <p>ReLU6′(z) = 1 on (0, 6) and 0 outside; at the kinks z = 0 and z = 6 the flat side's 0 is
 * used, as PyTorch does.
 *
 * @see <a href="https://pytorch.org/docs/stable/generated/torch.nn.ReLU6.html">torch.nn.ReLU6</a>
 * @see HardSigmoid which is ReLU6(z + 3) / 6
 */
public final class Relu6 implements Activation {
    /** The one ReLU6; it has no parameters. */
    public static final Relu6 INSTANCE = new Relu6();

    private static final Set<Trait> TRAITS = EnumSet.of(Trait.MONOTONIC, Trait.SATURATING);

    private Relu6() {
    }

    @Override
    public double value(double z) {
        return Math.min(Math.max(0.0, z), 6.0);
    }

    @Override
    public double derivative(double z) {
        if (Double.isNaN(z)) {
            return z;
        }
        return z > 0 && z < 6 ? 1.0 : 0.0;
    }

    @Override
    public String name() {
        return "ReLU6";
    }

    @Override
    public String formula() {
        return "\\operatorname{ReLU6}(z) = \\min(\\max(0, z), 6)";
    }

    @Override
    public String derivativeFormula() {
        return "\\operatorname{ReLU6}'(z) = \\begin{cases} 1 & 0 < z < 6 \\\\ 0 & \\text{otherwise} \\end{cases}";
    }

    @Override
    public String range() {
        return "[0, 6]";
    }

    @Override
    public Set<Trait> traits() {
        return TRAITS;
    }

    @Override
    public String toString() {
        return "ReLU6(z) = min(max(0, z), 6)";
    }
}
