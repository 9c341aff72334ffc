package org.softmaxcourse.internal.kernel;

import java.util.Arrays;

/**
 * The row kernels of categorical cross-entropy from logits: the loss −Σⱼ aⱼ log softmax(z)ⱼ of
 * one row {@code z[from .. from + c)} and its gradient (Σa)·p − a, computed together in three
 * short passes while the row is in the cache, and the one-hot case without a row of
 * coefficients. Not the course API: {@code org.softmaxcourse.loss.CategoricalCrossEntropy}
 * states the loss, and its from-logits class calls these.
 */
public final class CrossEntropyKernels {
    private CrossEntropyKernels() {
    }

    /**
     * The loss −Σⱼ aⱼ log softmax(z)ⱼ of one logit row z[from .. from + c) and its gradient
     * scale·((Σa)·p − a) written to grad, in three passes over the row: the maximum m; the
     * shifted exponentials e^(zⱼ − m) with their sum S = 1 + rest
     * ({@link SoftmaxKernels#shiftedExpRest}); the scaling. log S = log1p(rest) keeps the digits when
     * one class dominates. Where zⱼ = m, pⱼ = 1/S and the gradient is formed as
     * (Σa − aⱼ) − (Σa)·rest/S, exact where pⱼ rounds to 1 (p − 1 would cancel).
     *
     * @param z the array holding the row of scores
     * @param from the index of the row's first entry
     * @param c the number of classes (the row's length)
     * @param a the coefficients aⱼ of the row, c entries
     * @param grad where the row's scaled gradient goes, at the row's indices
     * @param scale the factor of the reduction each gradient entry carries
     * @return the row's loss −Σⱼ aⱼ log softmax(z)ⱼ
     */
    public static double logitRow(double[] z, int from, int c, double[] a, double[] grad, double scale) {
        double m = SoftmaxKernels.rowMax(z, from, c);
        if (!isFinite(m)) {
            // The caller checked the row: no NaN and not all −∞, so m = +∞.
            return infiniteLogitRow(z, from, c, a, grad, scale);
        }
        double rest = SoftmaxKernels.shiftedExpRest(z, from, c, m, grad);
        double total = 1.0 + rest;
        double logSum = Log1p.log1p(rest);
        double coefficients = 0;
        double loss = 0;
        for (int j = 0; j < c; j++) {
            double aj = a[j];
            coefficients += aj;
            if (aj != 0) {
                loss += aj * (logSum - (z[from + j] - m));
            }
        }
        double inv = coefficients / total;
        for (int j = 0; j < c; j++) {
            int k = from + j;
            if (z[k] == m && a[j] != 0) {
                grad[k] = scale * ((coefficients - a[j]) - coefficients * rest / total);
            } else {
                grad[k] = scale * (grad[k] * inv - a[j]);
            }
        }
        return loss;
    }

    /**
     * {@link #logitRow} for a one-hot target, the label k with weight w, to the last bit or so: ℓ =
     * w·(log Σⱼ e^(zⱼ − m) − (z<sub>k</sub> − m)) and gradient scale·w·(p − eₖ), without the row
     * of coefficients. Returns NaN for a row that holds a NaN or is all −∞, leaving the caller to
     * say so (the batch is not scanned beforehand).
     *
     * @param z the array holding the row of scores
     * @param from the index of the row's first entry
     * @param c the number of classes (the row's length)
     * @param k the true class, in [0, c)
     * @param w the weight of class k
     * @param grad where the row's scaled gradient goes, at the row's indices
     * @param scale the factor of the reduction each gradient entry carries
     * @return the row's loss, or NaN for a row holding a NaN or of all −∞
     */
    public static double labelRow(double[] z, int from, int c, int k, double w, double[] grad, double scale) {
        double m = SoftmaxKernels.rowMax(z, from, c);
        if (!isFinite(m)) {
            // m is NaN for a row holding a NaN, −∞ for a row of all −∞; +∞ rows take the limit.
            return m == Double.POSITIVE_INFINITY ? infiniteLabelRow(z, from, c, k, w, grad, scale) : Double.NaN;
        }
        double rest = SoftmaxKernels.shiftedExpRest(z, from, c, m, grad);
        double total = 1.0 + rest;
        double zk = z[from + k];
        double sw = scale * w;
        double inv = sw / total;
        double gk = zk == m ? 0.0 - sw * rest / total : grad[from + k] * inv - sw;
        for (int j = from; j < from + c; j++) {
            grad[j] *= inv;
        }
        grad[from + k] = gk;
        return w == 0 ? 0.0 : w * (Log1p.log1p(rest) - (zk - m));
    }

    private static boolean isFinite(double v) {
        return Math.abs(v) < Double.POSITIVE_INFINITY;
    }

    private static double infiniteLabelRow(double[] z, int from, int c, int k, double w, double[] grad,
            double scale) {
        double[] a = new double[c];
        a[k] = w;
        return infiniteLogitRow(z, from, c, a, grad, scale);
    }

    /**
     * No NaN and not all −∞: what softmax of the row needs.
     *
     * @param z the array holding the row of scores
     * @param from the index of the row's first entry
     * @param c the number of classes (the row's length)
     * @return whether the row holds no NaN and not only −∞
     */
    public static boolean validLogitRow(double[] z, int from, int c) {
        boolean finiteSomewhere = false;
        for (int j = from; j < from + c; j++) {
            if (Double.isNaN(z[j])) {
                return false;
            }
            finiteSomewhere |= z[j] > Double.NEGATIVE_INFINITY;
        }
        return finiteSomewhere;
    }

    /**
     * A row holding +∞: softmax shares all mass among the +∞ entries, as in {@link SoftmaxKernels}.
     *
     * @param z the array holding the row of scores
     * @param from the index of the row's first entry
     * @param c the number of classes (the row's length)
     * @param a the coefficients aⱼ of the row, c entries
     * @param grad where the row's scaled gradient goes, at the row's indices
     * @param scale the factor of the reduction each gradient entry carries
     * @return the row's loss
     */
    public static double infiniteLogitRow(double[] z, int from, int c, double[] a, double[] grad, double scale) {
        double[] logP = Arrays.copyOfRange(z, from, from + c);
        SoftmaxKernels.logSoftmaxRow(logP, 0, c, logP);
        double total = 0;
        for (double aj : a) {
            total += aj;
        }
        double loss = 0;
        for (int j = 0; j < c; j++) {
            if (a[j] != 0) {
                loss -= a[j] * logP[j];
            }
            grad[from + j] = scale * (total * Math.exp(logP[j]) - a[j]);
        }
        return loss;
    }
}
