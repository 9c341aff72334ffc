package org.softmaxcourse.derivation;

import java.util.Random;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.gradcheck.GradientCheck;
import org.softmaxcourse.loss.CategoricalCrossEntropy;

import static org.softmaxcourse.derivation.Inputs.*;

/** D8: the softmax Jacobian is diag(p) − ppᵀ, and ∂CE(softmax(z), y)/∂z = p − y (S15). */
final class SoftmaxJacobian {
    private SoftmaxJacobian() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        java.util.function.Function<Random, Scores> scores = r -> {
            int c = 2 + r.nextInt(5);
            double[] z = new double[c];
            for (int j = 0; j < c; j++) {
                z[j] = uniform(r, -5, 5);
            }
            double[] y = r.nextBoolean() ? oneHot(r.nextInt(c), c) : distribution(r, c, true);
            return new Scores(z, y);
        };
        Scores right = new Scores(new double[] {10, 0, 0}, oneHot(0, 3));
        Scores wrong = new Scores(new double[] {10, 0, 0}, oneHot(2, 3));
        Scores extreme = new Scores(new double[] {1000, 0, -1000}, oneHot(1, 3));
        CategoricalCrossEntropy ceP = CategoricalCrossEntropy.fromProbabilities();
        CategoricalCrossEntropy ceZ = CategoricalCrossEntropy.fromLogits();
        return Derivation.builder("D8", "The softmax Jacobian, and the gradient p − y of cross-entropy through softmax")
                .cites("S15", "S7")
                .intro("Each softmax output depends on every score. Its Jacobian is diag(p) − ppᵀ; chaining it with the "
                        + "derivative −y/p of the cross-entropy collapses, because the target sums to 1, to the same "
                        + "error p − y as for the sigmoid (D3).")
                .step("derivative of one output",
                        "\\frac{\\partial p_i}{\\partial z_j} = p_i\\,(\\delta_{ij} - p_j),\\quad p = \\operatorname{softmax}(z)",
                        "Quotient rule on $e^{z_i}/\\sum_k e^{z_k}$; the left side is the finite-difference Jacobian.",
                        StepCheck.vector(scores, s -> NUMERIC.jacobian(Softmax::softmax, s.z()).data(), s -> jacobian(s.z()))
                                .edge("confident", right).tolerance(1e-9, 1e-7))
                .step("in matrix form",
                        "J = \\operatorname{diag}(p) - p\\,p^{\\mathsf T}",
                        "Collect the entries; the library's Softmax.jacobian agrees, also at extreme scores.",
                        StepCheck.vector(scores, s -> Softmax.jacobian(s.z()).data(), s -> jacobian(s.z()))
                                .edge("[1000, 0, −1000]", extreme).tolerance(1e-16, 1e-15))
                .step("derivative of the cross-entropy in p",
                        "\\ell = -\\sum_k y_k \\log p_k, \\qquad \\frac{\\partial \\ell}{\\partial p_k} = -\\frac{y_k}{p_k}",
                        "d/dp log p = 1/p; the library's probability-form gradient agrees.",
                        StepCheck.vector(scores, s -> ceP.gradient(Softmax.softmax(s.z()), s.y()), s -> minusYOverP(s))
                                .edge("confident and wrong", wrong).tolerance(1e-15, 1e-14))
                .step("chain rule",
                        "\\frac{\\partial \\ell}{\\partial z_j} = \\sum_k -\\frac{y_k}{p_k}\\, p_k(\\delta_{kj} - p_j) "
                                + "= -y_j + p_j \\sum_k y_k",
                        "Multiply by the Jacobian; the pₖ cancel.",
                        StepCheck.vector(scores, s -> chain(s), s -> {
                            double[] p = Softmax.softmax(s.z());
                            double[] g = new double[p.length];
                            for (int j = 0; j < p.length; j++) {
                                g[j] = -s.y()[j] + p[j] * sum(s.y());
                            }
                            return g;
                        }).edge("confident and right", right).tolerance(1e-15, 1e-13))
                .step("the target sums to 1",
                        "\\frac{\\partial \\ell}{\\partial z} = p - y",
                        "Σₖ yₖ = 1. The library's logit-form gradient agrees, exact even at [1000, 0, −1000].",
                        StepCheck.vector(scores, s -> ceZ.gradient(s.z(), s.y()), s -> pMinusY(s))
                                .edge("confident and wrong", wrong).edge("[1000, 0, −1000]", extreme)
                                .tolerance(2.3e-16, 1e-15))
                .step("against finite differences",
                        "\\nabla_z\\, \\mathrm{CE}\\bigl(\\operatorname{softmax}(z), y\\bigr) \\approx p - y",
                        "Central differences of the library's loss, as a student would check it with GradientCheck.",
                        StepCheck.vector(scores, s -> NUMERIC.gradient(v -> ceZ.loss(v, s.y()), s.z()), s -> pMinusY(s))
                                .edge("confident and wrong", wrong).tolerance(1e-9, 1e-7))
                .build();
    }

    private static double[] jacobian(double[] z) {
        double[] p = Softmax.softmax(z);
        int c = p.length;
        double[] j = new double[c * c];
        for (int a = 0; a < c; a++) {
            for (int b = 0; b < c; b++) {
                j[a * c + b] = (a == b ? p[a] : 0) - p[a] * p[b];
            }
        }
        return j;
    }

    private static double[] minusYOverP(Scores s) {
        double[] p = Softmax.softmax(s.z());
        double[] g = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            g[k] = s.y()[k] == 0 ? 0 : -s.y()[k] / p[k];
        }
        return g;
    }

    private static double[] chain(Scores s) {
        double[] p = Softmax.softmax(s.z());
        double[] dp = minusYOverP(s);
        double[] jac = jacobian(s.z());
        int c = p.length;
        double[] g = new double[c];
        for (int j = 0; j < c; j++) {
            for (int k = 0; k < c; k++) {
                g[j] += dp[k] * jac[k * c + j];
            }
        }
        return g;
    }

    private static double[] pMinusY(Scores s) {
        double[] p = Softmax.softmax(s.z());
        for (int j = 0; j < p.length; j++) {
            p[j] -= s.y()[j];
        }
        return p;
    }
}
