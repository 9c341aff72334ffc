package org.softmaxcourse.derivation;

import java.util.Random;
import org.softmaxcourse.loss.Reduction;

import static org.softmaxcourse.derivation.Inputs.*;

/** D1: binary cross-entropy is the negative mean Bernoulli log-likelihood (S12). */
final class BceFromBernoulliLikelihood {
    private BceFromBernoulliLikelihood() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        java.util.function.Function<Random, Batch> batch = r -> {
            int m = 1 + r.nextInt(10);
            double[] p = new double[m];
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                p[i] = uniform(r, 0.001, 0.999);
                y[i] = r.nextInt(2);
            }
            return new Batch(p, y);
        };
        Batch cat = new Batch(new double[] {0.9, 0.2, 0.6}, new double[] {1, 0, 0});
        Batch extreme = new Batch(new double[] {1e-12, 1 - 1e-9, 0.5}, new double[] {0, 1, 1});
        return Derivation.builder("D1", "Binary cross-entropy is the negative mean Bernoulli log-likelihood")
                .cites("S12", "S10", "S11", "G1")
                .intro("Read the prediction ŷ = σ(wᵀx + b) as P(y = 1 | x). Then one formula gives the probability of "
                        + "either label, its logarithm is minus the cross-entropy, and over m independent samples "
                        + "maximising the likelihood is minimising the mean cross-entropy J.")
                .step("Bernoulli likelihood",
                        "P(y \\mid x) = \\hat y^{\\,y}\\,(1 - \\hat y)^{1 - y}",
                        "With y ∈ {0, 1} the exponents pick ŷ when y = 1 and 1 − ŷ when y = 0: both cases in one formula.",
                        StepCheck.vector(batch, b -> pow(b), b -> cases(b)).edge("cat, not cat, not cat", cat)
                                .edge("extreme predictions", extreme).describedBy(Batch::toString))
                .step("log-likelihood of one sample",
                        "\\log P(y \\mid x) = y \\log \\hat y + (1 - y) \\log (1 - \\hat y)",
                        "The log of a product is the sum of the logs, and log aᵇ = b log a.",
                        StepCheck.vector(batch, b -> log(pow(b)), BceFromBernoulliLikelihood::logLikelihoods).edge("cat", cat)
                                .edge("extreme predictions", extreme).tolerance(1e-13, 1e-13))
                .step("is minus the cross-entropy",
                        "\\log P(y \\mid x) = -\\mathrm{BCE}(\\hat y, y)",
                        "Compare with the definition of binary cross-entropy; for y = 0 it is −log(1 − ŷ), with the minus "
                                + "sign the article drops (G1).",
                        StepCheck.vector(batch, BceFromBernoulliLikelihood::logLikelihoods,
                                b -> negate(BCE_P.withReduction(Reduction.NONE).losses(b.p(), b.y())))
                                .edge("cat", cat).edge("extreme predictions", extreme).tolerance(1e-13, 1e-13))
                .step("independent samples",
                        "\\log \\prod_{i=1}^{m} P(y_i \\mid x_i) = \\sum_{i=1}^{m} \\log P(y_i \\mid x_i)",
                        "Independent samples multiply their probabilities; the log turns the product into a sum.",
                        StepCheck.scalar(batch, b -> Math.log(product(pow(b))), b -> sum(logLikelihoods(b)))
                                .edge("cat", cat).edge("extreme predictions", extreme).tolerance(1e-12, 1e-13))
                .step("maximum likelihood is minimum mean cross-entropy",
                        "-\\frac{1}{m} \\log \\prod_{i=1}^{m} P(y_i \\mid x_i) = \\frac{1}{m} \\sum_{i=1}^{m} "
                                + "\\mathrm{BCE}(\\hat y_i, y_i) = J",
                        "−(1/m)·log is decreasing, so the parameters that maximise the likelihood minimise J (S11).",
                        StepCheck.scalar(batch, b -> -Math.log(product(pow(b))) / b.p().length, b -> BCE_P.loss(b.p(), b.y()))
                                .edge("cat", cat).edge("extreme predictions", extreme).tolerance(1e-12, 1e-13))
                .build();
    }

    private static double[] pow(Batch b) {
        double[] out = new double[b.p().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.pow(b.p()[i], b.y()[i]) * Math.pow(1 - b.p()[i], 1 - b.y()[i]);
        }
        return out;
    }

    private static double[] cases(Batch b) {
        double[] out = new double[b.p().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.y()[i] == 1 ? b.p()[i] : 1 - b.p()[i];
        }
        return out;
    }

    private static double[] logLikelihoods(Batch b) {
        double[] out = new double[b.p().length];
        for (int i = 0; i < out.length; i++) {
            double p = b.p()[i];
            double y = b.y()[i];
            out[i] = (y == 0 ? 0 : y * Math.log(p)) + (y == 1 ? 0 : (1 - y) * Math.log(1 - p));
        }
        return out;
    }
}
