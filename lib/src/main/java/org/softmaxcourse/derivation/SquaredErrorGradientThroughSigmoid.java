package org.softmaxcourse.derivation;

import java.util.Random;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.loss.SquaredError;

import static org.softmaxcourse.derivation.Inputs.*;

/** D4: ∂SE(σ(z), y)/∂z = (σ(z) − y)·σ(z)(1 − σ(z)), vanishing when confidently wrong (G5). */
final class SquaredErrorGradientThroughSigmoid {
    private SquaredErrorGradientThroughSigmoid() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        SquaredError se = SquaredError.create();
        java.util.function.Function<Random, Sample> confidentlyWrong = r -> {
            double z = uniform(r, 10, 40);
            return r.nextBoolean() ? new Sample(-z, 1) : new Sample(z, 0);
        };
        Sample wrong = new Sample(-15, 1);
        return Derivation.builder("D4", "The gradient of squared error through the sigmoid vanishes when confidently wrong")
                .cites("S8", "S9", "G5")
                .intro("With squared error the chain rule keeps the factor σ′(z) = σ(z)(1 − σ(z)), which is tiny exactly "
                        + "when the model is confident. So a confidently wrong model hardly learns: the gradient "
                        + "(σ − y)·σ(1 − σ) is below $e^{-|z|}$, while cross-entropy's σ − y stays near ±1 (D3).")
                .step("derivative in p",
                        "\\mathrm{SE}(p, y) = \\tfrac12 (p - y)^2, \\qquad \\frac{\\partial\\, \\mathrm{SE}}{\\partial p} = p - y",
                        "The ½ cancels the 2 of the power rule; the library's derivative (left) agrees.",
                        StepCheck.scalar(SAMPLE, s -> se.derivative(Sigmoid.sigmoid(s.z()), s.y()),
                                s -> Sigmoid.sigmoid(s.z()) - s.y()).tolerance(0, 0))
                .step("chain rule",
                        "\\frac{\\partial\\, \\mathrm{SE}(\\sigma(z), y)}{\\partial z} = \\bigl(\\sigma(z) - y\\bigr)\\,"
                                + "\\sigma(z)\\bigl(1 - \\sigma(z)\\bigr)",
                        "Multiply by σ′(z) = σ(z)(1 − σ(z)) (D2); the left side is a finite difference of the library's loss.",
                        StepCheck.scalar(SAMPLE, s -> NUMERIC.derivative(v -> se.loss(Sigmoid.sigmoid(v), s.y()), s.z()),
                                s -> seGradient(s)).edge("confidently wrong", wrong).tolerance(1e-9, 1e-7))
                .step("it is cross-entropy's gradient times σ′",
                        "\\frac{\\partial\\, \\mathrm{SE}}{\\partial z} = \\frac{\\partial\\, \\mathrm{BCE}}{\\partial z} "
                                + "\\cdot \\sigma(z)\\bigl(1 - \\sigma(z)\\bigr)",
                        "Compare with D3: the extra factor is the sigmoid's slope.",
                        StepCheck.scalar(SAMPLE, SquaredErrorGradientThroughSigmoid::seGradient,
                                s -> BCE_Z.derivative(s.z(), s.y()) * Sigmoid.INSTANCE.derivative(s.z()))
                                .edge("confidently wrong", wrong).tolerance(1e-16, 1e-14))
                .step("vanishes when confidently wrong",
                        "|z| \\ge 10,\\ \\text{wrong side:}\\quad \\Bigl|\\frac{\\partial\\, \\mathrm{SE}}{\\partial z}\\Bigr| "
                                + "\\le \\sigma(z)\\bigl(1 - \\sigma(z)\\bigr) \\le e^{-|z|}",
                        "|σ − y| ≤ 1 and σ(1 − σ) = σ(|z|)·σ(−|z|) $< e^{-|z|}$: at z = −15 with y = 1 the slope is 3·10⁻⁷.",
                        StepCheck.scalar(confidentlyWrong, s -> Math.abs(seGradient(s)), s -> Math.exp(-Math.abs(s.z())))
                                .edge("z = −15, y = 1", wrong).edge("z = 30, y = 0", new Sample(30, 0))
                                .relation(Relation.AT_MOST).tolerance(0, 0))
                .step("while cross-entropy's does not",
                        "|z| \\ge 10,\\ \\text{wrong side:}\\quad \\Bigl|\\frac{\\partial\\, \\mathrm{BCE}}{\\partial z}\\Bigr| "
                                + "= |\\sigma(z) - y| \\ge \\tfrac12",
                        "On the wrong side of 0 the prediction error is at least ½ (close to 1 here).",
                        StepCheck.scalar(confidentlyWrong, s -> Math.abs(BCE_Z.derivative(s.z(), s.y())), s -> 0.5)
                                .edge("z = −15, y = 1", wrong).relation(Relation.AT_LEAST).tolerance(0, 0))
                .build();
    }

    private static double seGradient(Sample s) {
        double p = Sigmoid.sigmoid(s.z());
        return (p - s.y()) * Sigmoid.INSTANCE.derivative(s.z());
    }
}
