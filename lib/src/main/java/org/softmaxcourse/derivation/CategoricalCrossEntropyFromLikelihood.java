package org.softmaxcourse.derivation;

import java.util.Random;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.loss.Reduction;
import org.softmaxcourse.numeric.Matrix;

import static org.softmaxcourse.derivation.Inputs.*;

/** D9: categorical cross-entropy is the negative mean categorical log-likelihood (S14, S15). */
final class CategoricalCrossEntropyFromLikelihood {
    private CategoricalCrossEntropyFromLikelihood() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        java.util.function.Function<Random, Predictions> predictions = r -> {
            int m = 1 + r.nextInt(6);
            int c = 2 + r.nextInt(5);
            double[][] p = new double[m][];
            int[] labels = new int[m];
            for (int i = 0; i < m; i++) {
                double[] z = new double[c];
                for (int j = 0; j < c; j++) {
                    z[j] = uniform(r, -3, 3);
                }
                p[i] = Softmax.softmax(z);
                labels[i] = r.nextInt(c);
            }
            return new Predictions(p, labels);
        };
        Predictions article = new Predictions(new double[][] {{0.1, 0.15, 0.05, 0.6, 0.1}, {0.15, 0.2, 0.4, 0.1, 0.15},
            {0.05, 0.15, 0.4, 0.3, 0.1}}, new int[] {3, 3, 3});
        CategoricalCrossEntropy ce = CategoricalCrossEntropy.fromProbabilities();
        return Derivation.builder("D9", "Categorical cross-entropy is the negative mean categorical log-likelihood")
                .cites("S14", "S15", "S16", "G6")
                .intro("The C-class version of D1. A categorical distribution gives class c probability p_c; with a "
                        + "one-hot label only the true class's factor survives, so the loss is −log p_true (S15), and "
                        + "maximising the likelihood of m independent samples is minimising the mean. The named input is "
                        + "the article's example S16: true class 4 counting from 1, index 3 in code (G6).")
                .step("categorical likelihood",
                        "P(y \\mid x) = \\prod_{c=1}^{C} p_c^{\\,y_c}",
                        "With one-hot y every factor but the true class's is p⁰ = 1.",
                        StepCheck.vector(predictions, CategoricalCrossEntropyFromLikelihood::productForm, CategoricalCrossEntropyFromLikelihood::trueClass)
                                .edge("article S16", article))
                .step("log-likelihood",
                        "\\log P(y \\mid x) = \\sum_{c} y_c \\log p_c",
                        "The log of a product of powers.",
                        StepCheck.vector(predictions, d -> log(productForm(d)), CategoricalCrossEntropyFromLikelihood::sumForm)
                                .edge("article S16", article).tolerance(1e-15, 1e-14))
                .step("only the true class survives",
                        "\\sum_{c} y_c \\log p_c = \\log p_{k} = -\\mathrm{CE}(p, y)",
                        "yₖ = 1 for the true class k and 0 elsewhere (0·log p = 0); the library's per-sample loss agrees.",
                        StepCheck.vector(predictions, CategoricalCrossEntropyFromLikelihood::sumForm,
                                d -> negate(ce.withReduction(Reduction.NONE).losses(Matrix.of(d.p()), d.labels())))
                                .edge("article S16", article).tolerance(1e-15, 1e-14))
                .step("maximum likelihood is minimum mean cross-entropy",
                        "-\\frac1m \\log \\prod_{i=1}^{m} P(y_i \\mid x_i) = \\frac1m \\sum_{i=1}^{m} -\\log p_{i, k_i} = J",
                        "Independent samples multiply; −(1/m)·log is decreasing (S14's cost).",
                        StepCheck.scalar(predictions, d -> -Math.log(product(trueClass(d))) / d.labels().length,
                                d -> ce.loss(Matrix.of(d.p()), d.labels())).edge("article S16", article)
                                .tolerance(1e-14, 1e-13))
                .step("a wrong prediction costs more, a badly wrong one most",
                        "-\\log 0.6 < -\\log 0.3 < -\\log 0.1",
                        "S16: log is increasing, so the less probability the true class gets, the larger the loss.",
                        StepCheck.scalar(null, (Predictions d) -> ce.withReduction(Reduction.NONE).losses(Matrix.of(d.p()),
                                d.labels())[0], d -> ce.withReduction(Reduction.NONE).losses(Matrix.of(d.p()), d.labels())[1])
                                .edge("right (0.6) vs slightly wrong (0.3)", new Predictions(
                                        new double[][] {article.p()[0], article.p()[2]}, new int[] {3, 3}))
                                .edge("slightly wrong (0.3) vs badly wrong (0.1)", new Predictions(
                                        new double[][] {article.p()[2], article.p()[1]}, new int[] {3, 3}))
                                .relation(Relation.LESS_THAN))
                .build();
    }

    private static double[] productForm(Predictions d) {
        double[] out = new double[d.labels().length];
        for (int i = 0; i < out.length; i++) {
            double prod = 1;
            for (int c = 0; c < d.p()[i].length; c++) {
                prod *= Math.pow(d.p()[i][c], c == d.labels()[i] ? 1 : 0);
            }
            out[i] = prod;
        }
        return out;
    }

    private static double[] trueClass(Predictions d) {
        double[] out = new double[d.labels().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = d.p()[i][d.labels()[i]];
        }
        return out;
    }

    private static double[] sumForm(Predictions d) {
        double[] out = new double[d.labels().length];
        for (int i = 0; i < out.length; i++) {
            for (int c = 0; c < d.p()[i].length; c++) {
                double y = c == d.labels()[i] ? 1 : 0;
                if (y != 0) {
                    out[i] += y * Math.log(d.p()[i][c]);
                }
            }
        }
        return out;
    }
}
