package org.softmaxcourse.derivation;

import java.util.Random;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.loss.CategoricalCrossEntropy;

import static org.softmaxcourse.derivation.Inputs.*;

/** D7: two-class softmax equals the sigmoid of the score difference (G2). */
final class TwoClassSoftmax {
    private TwoClassSoftmax() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        java.util.function.Function<Random, double[]> ab = r -> new double[] {uniform(r, -30, 30), uniform(r, -30, 30)};
        return Derivation.builder("D7", "Two-class softmax is the sigmoid of the score difference")
                .cites("G2", "S4", "S17")
                .intro("With two classes softmax has one degree of freedom too many: only the difference of the scores "
                        + "matters, and the first probability is σ(z₁ − z₂). So the sigmoid is the two-class softmax, and "
                        + "two-class cross-entropy is binary cross-entropy of the score difference (S17).")
                .step("softmax of two scores",
                        "\\operatorname{softmax}(z_1, z_2)_1 = \\frac{e^{z_1}}{e^{z_1} + e^{z_2}}",
                        "The definition (S7); the library's softmax against the formula.",
                        StepCheck.scalar(ab, v -> Softmax.softmax(v)[0], v -> Math.exp(v[0]) / (Math.exp(v[0]) + Math.exp(v[1])))
                                .edge("equal scores", new double[] {2, 2}).describedBy(TwoClassSoftmax::scores)
                                .tolerance(0, 1e-14))
                .step("divide by $e^{z_1}$",
                        "\\frac{e^{z_1}}{e^{z_1} + e^{z_2}} = \\frac{1}{1 + e^{-(z_1 - z_2)}}",
                        "Numerator and denominator divided by $e^{z_1}$.",
                        StepCheck.scalar(ab, v -> Math.exp(v[0]) / (Math.exp(v[0]) + Math.exp(v[1])),
                                v -> 1 / (1 + Math.exp(-(v[0] - v[1])))).describedBy(TwoClassSoftmax::scores).tolerance(0, 1e-13))
                .step("it is the sigmoid of the difference",
                        "\\operatorname{softmax}(z_1, z_2)_1 = \\sigma(z_1 - z_2)",
                        "The definition of σ; the library's softmax and sigmoid agree even at extreme scores.",
                        StepCheck.scalar(ab, v -> Softmax.softmax(v)[0], v -> Sigmoid.sigmoid(v[0] - v[1]))
                                .edge("[1000, 0]", new double[] {1000, 0}).edge("[0, 1000]", new double[] {0, 1000})
                                .edge("[−1000, −1000]", new double[] {-1000, -1000})
                                .edge("[1e4, −1e4]", new double[] {1e4, -1e4}).describedBy(TwoClassSoftmax::scores)
                                .tolerance(1e-300, 1e-13))
                .step("and the other class",
                        "\\operatorname{softmax}(z_1, z_2)_2 = 1 - \\sigma(z_1 - z_2) = \\sigma(z_2 - z_1)",
                        "The probabilities sum to 1, and 1 − σ(t) = σ(−t).",
                        StepCheck.scalar(ab, v -> Softmax.softmax(v)[1], v -> Sigmoid.sigmoid(v[1] - v[0]))
                                .edge("[1000, 0]", new double[] {1000, 0}).describedBy(TwoClassSoftmax::scores)
                                .tolerance(1e-300, 1e-13))
                .step("two-class cross-entropy is binary cross-entropy",
                        "\\mathrm{CE}\\bigl((z_1, z_2), k\\bigr) = \\mathrm{BCE}\\bigl(\\sigma(z_1 - z_2),\\, [k = 1]\\bigr)",
                        "−log softmax₁ = −log σ(z₁ − z₂) and −log softmax₂ = −log(1 − σ(z₁ − z₂)): the two branches of BCE "
                                + "(classes counted from 1 here, from 0 in code: G6).",
                        StepCheck.vector(ab, v -> new double[] {CategoricalCrossEntropy.fromLogits().loss(v, 0),
                                CategoricalCrossEntropy.fromLogits().loss(v, 1)},
                                v -> new double[] {BCE_Z.loss(v[0] - v[1], 1), BCE_Z.loss(v[0] - v[1], 0)})
                                .edge("[1000, 0]", new double[] {1000, 0}).describedBy(TwoClassSoftmax::scores)
                                .tolerance(1e-14, 1e-12))
                .build();
    }

    private static String scores(double[] v) {
        return "z = " + show(v);
    }
}
