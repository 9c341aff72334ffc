package org.softmaxcourse.loss;

import org.softmaxcourse.internal.kernel.Parallel;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * The batch computation of {@link CategoricalCrossEntropy}, either form: every variant is
 * ℓₙ = −Σⱼ aₙⱼ log pₙⱼ for a row of coefficients aₙ, evaluated by the form's
 * {@code row} method; this class builds the coefficients from labels or target rows, applies
 * the class weighting and reduces.
 */
final class CrossEntropyBatch {
    private CrossEntropyBatch() {
    }

    /** Integer labels: the checks, the scale of the reduction, then the loss's own path. */
    static LossResult<Matrix> labels(CategoricalCrossEntropy loss, Matrix input, int[] labels, Reduction how,
                                     int threads) {
        String in = loss.inputName();
        Require.nonEmpty(in, input);
        Require.nonEmpty("labels", labels);
        Require.oneLabelPerRow(in, input, "labels", labels);
        loss.options.weighting().checkClassCount(in, input);
        double scale = loss.options.weighting().scale(how, labels, input.cols());
        return loss.evaluateLabels(input, labels, how, scale, threads);
    }

    /**
     * Integer labels as coefficient rows aₙⱼ = (1 − ε)·w<sub>kₙ</sub>·[j = kₙ] + (ε/C)·wⱼ, row by
     * row; the logit form has a faster one-hot path.
     */
    static LossResult<Matrix> coefficientRows(CategoricalCrossEntropy loss, Matrix input, int[] labels, Reduction how,
                                              double scale, int threads) {
        ClassWeighting weighting = loss.options.weighting();
        double smoothing = loss.options.smoothing();
        int n = input.rows();
        int c = input.cols();
        weighting.checkLabels(labels, c);
        loss.checkInput(loss.inputName(), input);
        double[] losses = new double[n];
        double[] grad = new double[n * c];
        double[] z = input.data();
        Parallel.forRange(n, threads, (from, to) -> {
            double[] a = new double[c];
            for (int i = from; i < to; i++) {
                if (weighting.ignores(labels[i])) {
                    continue;
                }
                int k = labels[i];
                for (int j = 0; j < c; j++) {
                    a[j] = smoothing == 0 ? 0.0 : smoothing / c * weighting.weight(j);
                }
                a[k] += (1 - smoothing) * weighting.weight(k);
                losses[i] = loss.row(z, i * c, c, a, grad, scale);
            }
        });
        return result(losses, how, scale, n, c, grad);
    }

    /** Target rows: coefficients aₙⱼ = wⱼ·y′ₙⱼ with the smoothed target y′. */
    static LossResult<Matrix> targets(CategoricalCrossEntropy loss, Matrix input, Matrix targets, Reduction how) {
        String in = loss.inputName();
        loss.checkInput(in, input);
        Require.nonEmpty("targets", targets);
        Require.sameShape(in, input, "targets", targets);
        Require.distributions("targets", targets);
        ClassWeighting weighting = loss.options.weighting();
        double smoothing = loss.options.smoothing();
        weighting.checkClassCount(in, input);
        int n = input.rows();
        int c = input.cols();
        double scale = weighting.scale(how, n, n);
        double[] y = targets.data();
        double[] a = new double[c];
        double[] losses = new double[n];
        double[] grad = new double[n * c];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                double target = smoothing == 0 ? y[i * c + j] : (1 - smoothing) * y[i * c + j] + smoothing / c;
                a[j] = weighting.weight(j) * target;
            }
            losses[i] = loss.row(input.data(), i * c, c, a, grad, scale);
        }
        return result(losses, how, scale, n, c, grad);
    }

    /** The per-sample losses reduced, with the gradient. */
    static LossResult<Matrix> result(double[] losses, Reduction how, double scale, int n, int c, double[] grad) {
        double sum = Reduction.sum(losses);
        double value = how == Reduction.MEAN ? sum * scale : sum;
        return new LossResult<>(losses, value, Matrix.wrap(n, c, grad), how);
    }
}
