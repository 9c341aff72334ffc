package org.softmaxcourse.derivation;

import java.util.Random;
import org.softmaxcourse.activation.Sigmoid;

import static org.softmaxcourse.derivation.Inputs.*;

/** D2: σ′(z) = σ(z)(1 − σ(z)) (S5, G5). */
final class SigmoidDerivative {
    private SigmoidDerivative() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        java.util.function.Function<Random, Double> z = r -> uniform(r, -20, 20);
        return Derivation.builder("D2", "The sigmoid's derivative is σ(z)(1 − σ(z))")
                .cites("S5", "G5")
                .intro("Differentiate $\\sigma(z) = 1/(1 + e^{-z})$ with the chain rule and rewrite the result in terms of σ "
                        + "itself. The slope is largest, ¼, at z = 0 and vanishes in both tails: the saturation behind G3 "
                        + "and G5.")
                .step("definition",
                        "\\sigma(z) = \\frac{1}{1 + e^{-z}}",
                        "The logistic function (S5); the library computes it without overflow for every z.",
                        StepCheck.scalar(z, v -> Sigmoid.sigmoid(v), v -> 1 / (1 + Math.exp(-v)))
                                .edge("z = 0", 0.0).edge("z = ±1e-300", 1e-300).edge("z = −700", -700.0)
                                .edge("z = 700", 700.0).describedBy(Inputs::z).tolerance(0, 4.5e-16))
                .step("chain rule",
                        "\\sigma'(z) = -\\bigl(1 + e^{-z}\\bigr)^{-2} \\cdot \\bigl(-e^{-z}\\bigr) = \\frac{e^{-z}}{(1 + e^{-z})^{2}}",
                        "d/dz u⁻¹ = −u⁻²·u′ with $u = 1 + e^{-z}$ and $u' = -e^{-z}$; the left side is a central finite difference.",
                        StepCheck.scalar(z, v -> NUMERIC.derivative(Sigmoid::sigmoid, v),
                                v -> Math.exp(-v) / ((1 + Math.exp(-v)) * (1 + Math.exp(-v))))
                                .edge("z = 0", 0.0).edge("z = 30", 30.0).edge("z = −30", -30.0).describedBy(Inputs::z).tolerance(1e-10, 1e-8))
                .step("split the fraction",
                        "\\frac{e^{-z}}{(1 + e^{-z})^{2}} = \\frac{1}{1 + e^{-z}} \\cdot \\frac{e^{-z}}{1 + e^{-z}}",
                        "Write the square in the denominator as a product.",
                        StepCheck.scalar(z, v -> Math.exp(-v) / ((1 + Math.exp(-v)) * (1 + Math.exp(-v))),
                                v -> 1 / (1 + Math.exp(-v)) * (Math.exp(-v) / (1 + Math.exp(-v))))
                                .edge("z = 0", 0.0).describedBy(Inputs::z).tolerance(1e-300, 1e-15))
                .step("the second factor is 1 − σ",
                        "\\frac{e^{-z}}{1 + e^{-z}} = 1 - \\frac{1}{1 + e^{-z}} = 1 - \\sigma(z)",
                        "Add and subtract 1 in the numerator.",
                        StepCheck.scalar(z, v -> Math.exp(-v) / (1 + Math.exp(-v)), v -> 1 - Sigmoid.sigmoid(v))
                                .edge("z = 0", 0.0).edge("z = −700", -700.0).describedBy(Inputs::z).tolerance(2e-16, 0))
                .step("result",
                        "\\sigma'(z) = \\sigma(z)\\,\\bigl(1 - \\sigma(z)\\bigr)",
                        "The two factors are σ and 1 − σ; the library's derivative agrees.",
                        StepCheck.scalar(z, v -> Sigmoid.INSTANCE.derivative(v),
                                v -> Sigmoid.sigmoid(v) * (1 - Sigmoid.sigmoid(v)))
                                .edge("z = 0: σ′ = ¼", 0.0).edge("z = 1000", 1000.0).edge("z = −1000", -1000.0)
                                .describedBy(Inputs::z).tolerance(2e-16, 0))
                .build();
    }
}
