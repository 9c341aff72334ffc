package org.softmaxcourse.loss;

import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * Categorical cross-entropy on probability rows, ℓ(p, y) = −Σⱼ aⱼ log pⱼ with gradient
 * ∂ℓ/∂pⱼ = −aⱼ / pⱼ, exact (pₖ = 0 costs +∞) unless clamping is asked for with
 * {@link CategoricalCrossEntropy#withEps(double)}. Made by
 * {@link CategoricalCrossEntropy#fromProbabilities()}.
 */
final class CrossEntropyFromProbabilities extends CategoricalCrossEntropy {
    CrossEntropyFromProbabilities(CrossEntropyOptions options) {
        super(options);
    }

    @Override
    CategoricalCrossEntropy with(CrossEntropyOptions options) {
        return new CrossEntropyFromProbabilities(options);
    }

    @Override
    public boolean isFromLogits() {
        return false;
    }

    @Override
    String inputName() {
        return "p";
    }

    @Override
    void checkInput(String name, Matrix input) {
        Require.nonEmpty(name, input);
        Require.distributions(name, input);
    }

    @Override
    double row(double[] p, int from, int c, double[] a, double[] grad, double scale) {
        double eps = options.eps();
        double l = 0;
        for (int j = 0; j < c; j++) {
            // 0·log 0 = 0: a class with no coefficient contributes nothing, even at p = 0.
            if (a[j] != 0) {
                double pj = p[from + j];
                boolean clamped = eps > 0 && (pj < eps || pj > 1 - eps);
                l -= a[j] * Math.log(eps > 0 ? Math.min(Math.max(pj, eps), 1 - eps) : pj);
                grad[from + j] = clamped ? 0.0 : -scale * a[j] / pj;
            }
        }
        return l;
    }
}
