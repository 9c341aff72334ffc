package org.softmaxcourse.derivation;

import java.util.Random;
import org.softmaxcourse.info.CrossEntropy;
import org.softmaxcourse.info.Entropy;
import org.softmaxcourse.info.KullbackLeibler;
import org.softmaxcourse.numeric.Matrix;

import static org.softmaxcourse.derivation.Inputs.*;

/** D10: H(p, q) = H(p) + KL(p‖q), and KL ≥ 0 (S18, G7). */
final class CrossEntropyDecomposition {
    private CrossEntropyDecomposition() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        java.util.function.Function<Random, Pair> pairs = r -> {
            int c = 2 + r.nextInt(7);
            return new Pair(distribution(r, c, true), distribution(r, c, false));
        };
        Pair same = new Pair(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5});
        Pair certain = new Pair(new double[] {0, 1, 0}, new double[] {0.25, 0.5, 0.25});
        Pair article = new Pair(new double[] {0, 0, 0, 1, 0}, new double[] {0.1, 0.15, 0.05, 0.6, 0.1});
        Pair impossible = new Pair(new double[] {0.5, 0.5}, new double[] {1, 0});
        return Derivation.builder("D10", "Cross-entropy is entropy plus KL divergence, and KL is never negative")
                .cites("S18", "G7")
                .intro("Coding outcomes of p with a code built for q costs H(p, q) nats on average. Split it: the best "
                        + "possible cost H(p), plus the excess KL(p‖q). Jensen's inequality shows the excess is never "
                        + "negative (Gibbs' inequality), so H(p, q) ≥ H(p), with equality only at q = p; and since H(p) "
                        + "does not depend on the model q, minimising cross-entropy is minimising KL divergence.")
                .step("cross-entropy",
                        "H(p, q) = -\\sum_i p_i \\log q_i",
                        "The definition (S18), with 0·log q = 0; the library's CrossEntropy against the formula.",
                        StepCheck.scalar(pairs, d -> CrossEntropy.crossEntropy(d.p(), d.q()), d -> crossEntropyFormula(d))
                                .edge("p = q", same).edge("article S16 as p = label, q = prediction", article)
                                .edge("q rules out what p allows", impossible).tolerance(1e-15, 1e-14))
                .step("add and subtract Σ p log p",
                        "-\\sum_i p_i \\log q_i = -\\sum_i p_i \\log p_i + \\sum_i p_i \\log \\frac{p_i}{q_i}",
                        "log q = log p − log(p/q) wherever p > 0; terms with p = 0 are 0 on both sides.",
                        StepCheck.scalar(pairs, CrossEntropyDecomposition::crossEntropyFormula, d -> {
                            double h = 0;
                            double kl = 0;
                            for (int i = 0; i < d.p().length; i++) {
                                if (d.p()[i] > 0) {
                                    h -= d.p()[i] * Math.log(d.p()[i]);
                                    kl += d.p()[i] * Math.log(d.p()[i] / d.q()[i]);
                                }
                            }
                            return h + kl;
                        }).edge("certain p", certain).tolerance(1e-15, 1e-14))
                .step("entropy plus KL divergence",
                        "H(p, q) = H(p) + \\mathrm{KL}(p \\,\\|\\, q)",
                        "Name the two sums; the library's Entropy, KullbackLeibler and CrossEntropy agree.",
                        StepCheck.scalar(pairs, d -> CrossEntropy.crossEntropy(d.p(), d.q()),
                                d -> Entropy.entropy(d.p()) + KullbackLeibler.divergence(d.p(), d.q()))
                                .edge("p = q", same).edge("certain p", certain).edge("q rules out what p allows", impossible)
                                .tolerance(1e-15, 1e-14))
                .step("Jensen's inequality",
                        "-\\mathrm{KL}(p \\,\\|\\, q) = \\sum_{p_i > 0} p_i \\log \\frac{q_i}{p_i} \\le "
                                + "\\log \\sum_{p_i > 0} p_i \\frac{q_i}{p_i} = \\log \\sum_{p_i > 0} q_i",
                        "log is concave, so the p-average of logs is at most the log of the p-average.",
                        StepCheck.scalar(pairs, d -> -KullbackLeibler.divergence(d.p(), d.q()), d -> {
                            double s = 0;
                            for (int i = 0; i < d.p().length; i++) {
                                if (d.p()[i] > 0) {
                                    s += d.q()[i];
                                }
                            }
                            return Math.log(s);
                        }).edge("p = q", same).edge("certain p", certain).relation(Relation.AT_MOST).tolerance(1e-15, 0))
                .step("Gibbs' inequality",
                        "\\mathrm{KL}(p \\,\\|\\, q) \\ge -\\log \\sum_{p_i > 0} q_i \\ge 0 \\quad\\Rightarrow\\quad H(p, q) \\ge H(p)",
                        "The qᵢ over p's support sum to at most 1 and log 1 = 0.",
                        StepCheck.scalar(pairs, d -> KullbackLeibler.divergence(d.p(), d.q()), d -> 0.0)
                                .edge("p = q", same).edge("certain p", certain).relation(Relation.AT_LEAST)
                                .tolerance(1e-15, 0))
                .step("binary cross-entropy is the two-class case",
                        "\\mathrm{BCE}(q, p) = H\\bigl((p, 1 - p),\\, (q, 1 - q)\\bigr)",
                        "A label p ∈ [0, 1] and a prediction q are two distributions over {1, 0} (G7).",
                        StepCheck.scalar(r -> new double[] {r.nextDouble(), uniform(r, 1e-6, 1 - 1e-6)},
                                v -> BCE_P.loss(v[1], v[0]),
                                v -> CrossEntropy.crossEntropy(new double[] {v[0], 1 - v[0]}, new double[] {v[1], 1 - v[1]}))
                                .edge("label 1, prediction 0.6", new double[] {1, 0.6})
                                .describedBy(v -> "p = " + Matrix.format(v[0]) + ", q = " + Matrix.format(v[1]))
                                .tolerance(1e-15, 1e-13))
                .build();
    }

    private static double crossEntropyFormula(Pair d) {
        double h = 0;
        for (int i = 0; i < d.p().length; i++) {
            if (d.p()[i] > 0) {
                h -= d.p()[i] * Math.log(d.q()[i]);
            }
        }
        return h;
    }
}
