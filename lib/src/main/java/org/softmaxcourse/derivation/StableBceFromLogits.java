package org.softmaxcourse.derivation;

import java.util.Random;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.numeric.Matrix;

import static org.softmaxcourse.derivation.Inputs.*;

/** D11: the stable form max(z, 0) − zy + log(1 + e^(−|z|)) equals the naive BCE of σ(z). */
final class StableBceFromLogits {
    private StableBceFromLogits() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        java.util.function.Function<Random, Sample> moderate = r -> new Sample(uniform(r, -15, 15),
                r.nextBoolean() ? r.nextInt(2) : r.nextDouble());
        java.util.function.Function<Random, Sample> wide = r -> new Sample(uniform(r, -30, 30), r.nextDouble());
        java.util.function.Function<Random, Sample> huge = r -> new Sample((r.nextBoolean() ? 1 : -1)
                * Math.exp(uniform(r, Math.log(40), Math.log(1e4))), r.nextBoolean() ? r.nextInt(2) : r.nextDouble());
        java.util.function.Function<Sample, String> withNaive = s -> s + " (naive form: " + Matrix.format(naiveBce(s.z(), s.y()))
                + ")";
        return Derivation.builder("D11", "The stable logit form of binary cross-entropy")
                .cites("S8", "S10")
                .intro("Computed as written, −[y log σ(z) + (1 − y) log(1 − σ(z))] breaks for large |z|: σ(z) rounds to "
                        + "exactly 1 beyond z ≈ 37, log(1 − 1) = −∞, and 0·∞ gives NaN. Rewriting the logs of the sigmoid "
                        + "gives $\\max(z, 0) - z y + \\log(1 + e^{-|z|})$, which is the same function wherever the naive form "
                        + "is finite, and stays finite everywhere else. It is what BinaryCrossEntropy.fromLogits() "
                        + "computes (as y·softplus(−z) + (1 − y)·softplus(z)).")
                .step("the naive form",
                        "\\ell(z, y) = -\\bigl[\\,y \\log \\sigma(z) + (1 - y) \\log\\bigl(1 - \\sigma(z)\\bigr)\\bigr]",
                        "Binary cross-entropy of p = σ(z) (S8); computed literally (left) and by the library's exact "
                                + "probability form (right). Both lose digits as |z| grows, like $\\varepsilon\\, e^{|z|}$.",
                        StepCheck.scalar(moderate, s -> naiveBce(s.z(), s.y()), s -> BCE_P.loss(Sigmoid.sigmoid(s.z()), s.y()))
                                .tolerance(1e-9, 1e-9))
                .step("the logs of the sigmoid",
                        "\\log \\sigma(z) = -\\log(1 + e^{-z}), \\qquad \\log\\bigl(1 - \\sigma(z)\\bigr) = -z - \\log(1 + e^{-z})",
                        "$\\sigma(z) = 1/(1 + e^{-z})$ and $1 - \\sigma(z) = e^{-z}/(1 + e^{-z})$.",
                        StepCheck.vector(moderate, s -> {
                            double p = 1 / (1 + Math.exp(-s.z()));
                            return new double[] {Math.log(p), Math.log(1 - p)};
                        }, s -> new double[] {-Math.log1p(Math.exp(-s.z())), -s.z() - Math.log1p(Math.exp(-s.z()))})
                                .tolerance(1e-9, 1e-9))
                .step("collect the terms",
                        "\\ell(z, y) = (1 - y)\\,z + \\log(1 + e^{-z})",
                        "$y \\log(1 + e^{-z}) + (1 - y)\\bigl(z + \\log(1 + e^{-z})\\bigr)$: the log terms add up to one.",
                        StepCheck.scalar(moderate, s -> naiveBce(s.z(), s.y()), s -> (1 - s.y()) * s.z() + Math.log1p(Math.exp(-s.z())))
                                .tolerance(1e-9, 1e-9))
                .step("never exponentiate a positive number",
                        "(1 - y)\\,z + \\log(1 + e^{-z}) = \\max(z, 0) - z\\,y + \\log\\bigl(1 + e^{-|z|}\\bigr)",
                        "For $z < 0$ write $\\log(1 + e^{-z}) = -z + \\log(1 + e^{z})$; then the exponent is $-|z| \\le 0$ in both cases.",
                        StepCheck.scalar(wide, s -> (1 - s.y()) * s.z() + Math.log1p(Math.exp(-s.z())), s -> stable(s))
                                .tolerance(1e-13, 1e-13))
                .step("equal wherever the naive form is finite",
                        "\\max(z, 0) - z\\,y + \\log\\bigl(1 + e^{-|z|}\\bigr) = -\\bigl[\\,y \\log \\sigma(z) + (1 - y) "
                                + "\\log\\bigl(1 - \\sigma(z)\\bigr)\\bigr]",
                        "The library's loss (left) against the naive form (right), within the naive form's own rounding.",
                        StepCheck.scalar(moderate, s -> BCE_Z.loss(s.z(), s.y()), s -> naiveBce(s.z(), s.y()))
                                .edge("z = 0, y = ½", new Sample(0, 0.5)).edge("z = 15, y = 0", new Sample(15, 0))
                                .edge("z = −15, y = 1", new Sample(-15, 1)).edge("z = 1e-300, y = 1", new Sample(1e-300, 1))
                                .describedBy(withNaive).tolerance(1e-8, 1e-9))
                .step("finite where the naive form is not",
                        "|z| \\ge 40:\\quad \\ell(z, y) = (1 - y)\\max(z, 0) + y \\max(-z, 0) + \\log\\bigl(1 + e^{-|z|}\\bigr) "
                                + "\\approx \\text{a straight line}",
                        "$\\log(1 + e^{-|z|}) < 10^{-17}$ there, so the loss is linear in z (the naive form gives ∞ or NaN); "
                                + "the library's loss matches the line.",
                        StepCheck.scalar(huge, s -> BCE_Z.loss(s.z(), s.y()),
                                s -> (1 - s.y()) * Math.max(s.z(), 0) + s.y() * Math.max(-s.z(), 0))
                                .edge("z = 1000, y = 0", new Sample(1000, 0)).edge("z = −1000, y = 1", new Sample(-1000, 1))
                                .edge("z = 1000, y = 1", new Sample(1000, 1)).edge("z = 40, y = ½", new Sample(40, 0.5))
                                .edge("z = 1e300, y = 0.3", new Sample(1e300, 0.3))
                                .describedBy(withNaive).tolerance(1e-16, 1e-15))
                .build();
    }

    private static double stable(Sample s) {
        return Math.max(s.z(), 0) - s.z() * s.y() + Math.log1p(Math.exp(-Math.abs(s.z())));
    }
}
