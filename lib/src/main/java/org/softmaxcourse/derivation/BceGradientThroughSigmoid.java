package org.softmaxcourse.derivation;

import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.loss.BinaryCrossEntropy;

import static org.softmaxcourse.derivation.Inputs.*;

/** D3: ∂BCE(σ(z), y)/∂z = σ(z) − y (S12, G5). */
final class BceGradientThroughSigmoid {
    private BceGradientThroughSigmoid() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        Sample right = new Sample(15, 1);
        Sample wrong = new Sample(-15, 1);
        Sample soft = new Sample(0, 0.5);
        return Derivation.builder("D3", "The gradient of binary cross-entropy through the sigmoid is σ(z) − y")
                .cites("S8", "S12", "G5")
                .intro("Compose ℓ(p, y) = −[y log p + (1 − y) log(1 − p)] with p = σ(z). The factor p(1 − p) of the "
                        + "chain rule cancels the denominator of ∂ℓ/∂p, and what is left is the error σ(z) − y: large when "
                        + "the model is confidently wrong, never vanishing there.")
                .step("cross-entropy of the sigmoid",
                        "\\ell(z, y) = -\\bigl[\\,y \\log \\sigma(z) + (1 - y) \\log\\bigl(1 - \\sigma(z)\\bigr)\\bigr]",
                        "The loss of S8 with ŷ = σ(z); the library's logit form (left) against this formula (right).",
                        StepCheck.scalar(SAMPLE, s -> BCE_Z.loss(s.z(), s.y()), s -> naiveBce(s.z(), s.y()))
                                .edge("confident and right", right).edge("confident and wrong", wrong)
                                .edge("undecided", soft).tolerance(1e-8, 1e-9))
                .step("derivative in p",
                        "\\frac{\\partial \\ell}{\\partial p} = -\\frac{y}{p} + \\frac{1 - y}{1 - p} = \\frac{p - y}{p\\,(1 - p)}",
                        "d/dp log p = 1/p and d/dp log(1 − p) = −1/(1 − p); put both over p(1 − p).",
                        StepCheck.scalar(SAMPLE, s -> {
                            double p = Sigmoid.sigmoid(s.z());
                            return -s.y() / p + (1 - s.y()) / (1 - p);
                        }, s -> {
                            double p = Sigmoid.sigmoid(s.z());
                            return (p - s.y()) / (p * (1 - p));
                        }).edge("undecided", soft).edge("confident and wrong", wrong).tolerance(1e-9, 1e-8))
                .step("derivative of the sigmoid",
                        "\\frac{\\partial p}{\\partial z} = \\sigma'(z) = p\\,(1 - p)",
                        "Derivation D2.",
                        StepCheck.scalar(SAMPLE, s -> Sigmoid.INSTANCE.derivative(s.z()),
                                s -> Sigmoid.sigmoid(s.z()) * (1 - Sigmoid.sigmoid(s.z())))
                                .edge("undecided", soft).tolerance(2e-16, 0))
                .step("chain rule",
                        "\\frac{\\partial \\ell}{\\partial z} = \\frac{\\partial \\ell}{\\partial p} \\cdot \\frac{\\partial p}{\\partial z}",
                        "z affects ℓ only through p; the left side is a finite difference of the library's loss.",
                        StepCheck.scalar(SAMPLE, s -> NUMERIC.derivative(v -> BCE_Z.loss(v, s.y()), s.z()), s -> {
                            double p = Sigmoid.sigmoid(s.z());
                            return (p - s.y()) / (p * (1 - p)) * (p * (1 - p));
                        }).edge("confident and wrong", wrong).edge("undecided", soft).tolerance(1e-8, 1e-8))
                .step("the factor p(1 − p) cancels",
                        "\\frac{\\partial \\ell}{\\partial z} = \\frac{p - y}{p\\,(1 - p)} \\cdot p\\,(1 - p) = \\sigma(z) - y",
                        "Cancel; the gradient is the prediction error.",
                        StepCheck.scalar(SAMPLE, s -> {
                            double p = Sigmoid.sigmoid(s.z());
                            return (p - s.y()) / (p * (1 - p)) * (p * (1 - p));
                        }, s -> Sigmoid.sigmoid(s.z()) - s.y()).edge("undecided", soft).tolerance(1e-12, 0))
                .step("the library's gradient",
                        "\\frac{\\partial}{\\partial z}\\,\\mathrm{BCE}\\bigl(\\sigma(z), y\\bigr) = \\sigma(z) - y \\quad "
                                + "\\text{for every } z",
                        "What BinaryCrossEntropy.fromLogits() returns, finite and exact even at z = ±1000.",
                        StepCheck.scalar(SAMPLE, s -> BCE_Z.derivative(s.z(), s.y()), s -> Sigmoid.sigmoid(s.z()) - s.y())
                                .edge("z = 1000, y = 0", new Sample(1000, 0)).edge("z = −1000, y = 1", new Sample(-1000, 1))
                                .edge("z = 1000, y = 1", new Sample(1000, 1)).tolerance(2.3e-16, 0))
                .build();
    }
}
