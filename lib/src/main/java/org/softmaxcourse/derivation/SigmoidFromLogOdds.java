package org.softmaxcourse.derivation;

import java.util.Random;
import org.softmaxcourse.activation.Logit;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Softplus;
import org.softmaxcourse.numeric.Matrix;

import static org.softmaxcourse.derivation.Inputs.*;

/** D6: a linear log-odds model gives the sigmoid (G2). */
final class SigmoidFromLogOdds {
    private SigmoidFromLogOdds() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        java.util.function.Function<Random, Double> p = r -> uniform(r, 0.001, 0.999);
        java.util.function.Function<Random, Double> z = r -> uniform(r, -30, 30);
        java.util.function.Function<Random, Sample> py = r -> new Sample(uniform(r, 0.001, 0.999), r.nextInt(2));
        return Derivation.builder("D6", "Linear log-odds give the sigmoid")
                .cites("G2", "S12")
                .intro("The article asks why P(y = 1 | x) should be a sigmoid (S12). Assume the simplest thing about the "
                        + "odds p/(1 − p): that their logarithm is linear in x. Solving for p gives σ. The same log-odds "
                        + "appear as the natural parameter when the Bernoulli distribution is written as an exponential "
                        + "family: the logit is the canonical link of logistic regression, and the sigmoid, its inverse, the "
                        + "mean (response) function.")
                .step("assume linear log-odds",
                        "\\log\\frac{p}{1 - p} = w^{\\mathsf T} x + b =: z",
                        "The logit (log-odds) of p; the library's Logit against the formula.",
                        StepCheck.scalar(p, v -> Logit.logit(v), v -> Math.log(v / (1 - v))).edge("p = ½", 0.5)
                                .edge("p = 1e-10", 1e-10).describedBy(Inputs::p).tolerance(1e-15, 1e-14))
                .step("exponentiate",
                        "\\frac{p}{1 - p} = e^{z}",
                        "exp undoes log.",
                        StepCheck.scalar(p, v -> v / (1 - v), v -> Math.exp(Logit.logit(v))).edge("p = ½", 0.5)
                                .describedBy(Inputs::p).tolerance(0, 1e-14))
                .step("solve for p",
                        "p = e^{z}(1 - p) \\;\\Rightarrow\\; p\\,(1 + e^{z}) = e^{z}",
                        "Multiply by 1 − p and collect the p terms.",
                        StepCheck.scalar(p, v -> v * (1 + Math.exp(Logit.logit(v))), v -> Math.exp(Logit.logit(v)))
                                .edge("p = ½", 0.5).describedBy(Inputs::p).tolerance(0, 1e-14))
                .step("it is the sigmoid",
                        "p = \\frac{e^{z}}{1 + e^{z}} = \\frac{1}{1 + e^{-z}} = \\sigma(z)",
                        "Divide numerator and denominator by $e^{z}$.",
                        StepCheck.scalar(z, v -> Math.exp(v) / (1 + Math.exp(v)), v -> Sigmoid.sigmoid(v)).edge("z = 0", 0.0)
                                .edge("z = −30", -30.0).describedBy(Inputs::z).tolerance(0, 1e-14))
                .step("the Bernoulli distribution's natural parameter",
                        "\\hat y^{\\,y}(1 - \\hat y)^{1 - y} = \\exp\\bigl(y\\,\\eta - \\log(1 + e^{\\eta})\\bigr),\\quad "
                                + "\\eta = \\log\\frac{\\hat y}{1 - \\hat y}",
                        "Rewrite the Bernoulli likelihood (D1) as an exponential family: its natural parameter η is the "
                                + "log-odds, so a linear model of η is a GLM whose canonical link is the logit; its inverse, the "
                                + "sigmoid, maps η back to the mean ŷ.",
                        StepCheck.scalar(py, s -> Math.pow(s.z(), s.y()) * Math.pow(1 - s.z(), 1 - s.y()), s -> {
                            double eta = Logit.logit(s.z());
                            return Math.exp(s.y() * eta - Softplus.softplus(eta));
                        }).describedBy(s -> "ŷ = " + Matrix.format(s.z()) + ", y = " + Matrix.format(s.y()))
                                .tolerance(1e-15, 1e-12))
                .step("the logit inverts the sigmoid",
                        "\\sigma\\bigl(\\operatorname{logit}(p)\\bigr) = p",
                        "The two functions are inverses; the library's pair round-trips.",
                        StepCheck.scalar(p, v -> Sigmoid.sigmoid(Logit.logit(v)), v -> v).edge("p = ½", 0.5)
                                .edge("p = 0", 0.0).edge("p = 1", 1.0).describedBy(Inputs::p).tolerance(2.3e-16, 0))
                .build();
    }
}
