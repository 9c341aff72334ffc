package org.softmaxcourse.internal.kernel;

import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * The row kernels behind {@link org.softmaxcourse.activation.Softmax} and the cross-entropy
 * losses: softmax, log-softmax and logsumexp of a row {@code z[from .. from + n)} of a batch kept
 * in one array, and the batch methods that run them over every row on one or more threads.
 *
 * <p>Each row subtracts its maximum m first (softmax(z) = softmax(z − m)), so no e^x overflows,
 * and writes the sum as 1 + Σ<sub>j≠argmax</sub> e^(zⱼ − m) so that log1p keeps the small terms.
 * Not the course API: {@code Softmax} is the readable version.
 */
public final class SoftmaxKernels {
    private SoftmaxKernels() {
    }

    /**
     * Softmax of every row of {@code z}, the rows split over {@code threads} threads ({@link
     * Parallel}); bit for bit the same whatever the thread count.
     *
     * @param z the scores, one sample per row
     * @param threads the number of threads, at least 1
     * @return a new matrix of the shape of {@code z} whose rows sum to 1
     * @throws IllegalArgumentException if {@code z} is empty or {@code threads} is less than 1
     */
    public static Matrix softmaxRows(Matrix z, int threads) {
        return rowsInParallel(z, threads, SoftmaxKernels::softmaxRow);
    }

    /**
     * Log-softmax of every row of {@code z}, the rows split over {@code threads} threads.
     *
     * @param z the scores, one sample per row
     * @param threads the number of threads, at least 1
     * @return a new matrix of the shape of {@code z} holding log-probabilities
     * @throws IllegalArgumentException if {@code z} is empty or {@code threads} is less than 1
     */
    public static Matrix logSoftmaxRows(Matrix z, int threads) {
        return rowsInParallel(z, threads, SoftmaxKernels::logSoftmaxRow);
    }

    /** A row kernel: reads {@code z[from .. from + n)}, writes {@code out[from .. from + n)}. */
    private interface RowKernel {
        void apply(double[] z, int from, int n, double[] out);
    }

    private static Matrix rowsInParallel(Matrix z, int threads, RowKernel kernel) {
        Require.nonEmpty("z", z);
        int c = z.cols();
        double[] in = z.data();
        double[] out = new double[in.length];
        Parallel.forRange(z.rows(), threads, (from, to) -> {
            for (int i = from; i < to; i++) {
                kernel.apply(in, i * c, c, out);
            }
        });
        return Matrix.wrap(z.rows(), c, out);
    }

    /**
     * softmax of {@code z[from .. from + n)} written to {@code out[from .. from + n)}; {@code out}
     * may be {@code z} itself. The building block of the batch methods, public for code that
     * keeps its batches in one array (the classifiers, the losses).
     *
     * @param z the array holding the row of scores
     * @param from the index of the row's first entry
     * @param n the length of the row
     * @param out where the row goes, at the same indices; may be {@code z}
     */
    public static void softmaxRow(double[] z, int from, int n, double[] out) {
        double m = rowMax(z, from, n);
        if (!isFinite(m)) {
            nonFiniteSoftmaxRow(z, from, n, m, out, false);
            return;
        }
        // One division and a multiplication per entry: a division per entry took a fifth of the time.
        double inverse = 1.0 / (1.0 + shiftedExpRest(z, from, n, m, out));
        for (int j = from; j < from + n; j++) {
            out[j] *= inverse;
        }
    }

    /**
     * log-softmax of {@code z[from .. from + n)} written to {@code out}; see {@link #softmaxRow}.
     *
     * @param z the array holding the row of scores
     * @param from the index of the row's first entry
     * @param n the length of the row
     * @param out where the row goes, at the same indices; may be {@code z}
     */
    public static void logSoftmaxRow(double[] z, int from, int n, double[] out) {
        double m = rowMax(z, from, n);
        if (!isFinite(m)) {
            nonFiniteSoftmaxRow(z, from, n, m, out, true);
            return;
        }
        double logSum = Log1p.log1p(shiftedExpSumRest(z, from, n, m));
        for (int j = from; j < from + n; j++) {
            out[j] = (z[j] - m) - logSum;
        }
    }

    /**
     * logsumexp of {@code z[from .. from + n)}; see {@link #softmaxRow}.
     *
     * @param z the array holding the row of scores
     * @param from the index of the row's first entry
     * @param n the length of the row
     * @return log Σⱼ e^(zⱼ) over the row
     */
    public static double logSumExpRow(double[] z, int from, int n) {
        double m = rowMax(z, from, n);
        if (!isFinite(m)) {
            // NaN stays NaN, +∞ is the limit, and all −∞ is log 0 = −∞.
            return m;
        }
        return m + Log1p.log1p(shiftedExpSumRest(z, from, n, m));
    }

    /**
     * The largest entry of {@code z[from .. from + n)}, NaN if the row holds a NaN (Math.max
     * passes NaN on), so that one test of the maximum finds every row the fast path cannot take.
     * Public for the loss kernels.
     *
     * @param z the array holding the row of scores
     * @param from the index of the row's first entry
     * @param n the length of the row
     * @return the row's largest entry, or NaN if it holds a NaN
     */
    public static double rowMax(double[] z, int from, int n) {
        int end = from + n;
        if (n >= 64) {
            // A long row's running maximum changes about ln n times, so the branch predicts well
            // and beats Math.max; v != v makes a NaN stick.
            double m = z[from];
            for (int j = from + 1; j < end; j++) {
                double v = z[j];
                if (v > m || v != v) {
                    m = v;
                }
            }
            return m;
        }
        // Short rows: the argmax of random scores defeats branch prediction, so Math.max (no
        // branch) in two running maxima, since each Math.max waits for the one before it.
        double a = z[from];
        double b = a;
        int j = from + 1;
        for (; j + 1 < end; j += 2) {
            a = Math.max(a, z[j]);
            b = Math.max(b, z[j + 1]);
        }
        if (j < end) {
            a = Math.max(a, z[j]);
        }
        return Math.max(a, b);
    }

    /**
     * Writes e^(zⱼ − m) to {@code out[j]} and returns the sum of the terms less 1,
     * Σⱼ e^(zⱼ − m) − 1, for the finite row maximum m: the maximum's own term is exactly 1, and
     * returning the rest lets log1p keep the small terms (logsumexp([0, −40]) is exact to the last
     * bit, not rounded to 0). {@code out} may be {@code z}. Public for the loss kernels.
     *
     * @param z the array holding the row of scores
     * @param from the index of the row's first entry
     * @param n the length of the row
     * @param m the row's maximum, finite
     * @param out where the row goes, at the same indices; may be {@code z}
     * @return Σⱼ e^(zⱼ − m) − 1
     */
    public static double shiftedExpRest(double[] z, int from, int n, double m, double[] out) {
        // The sum starts at 1 so that every term (each e^(zⱼ − m) ≤ 1) is at most the running sum:
        // Fast2Sum then carries each rounding error exactly into lo, and s − 2 is exact. Over a
        // 1000-class row the plain sum drifted by 5 ULP.
        double s = 1;
        double lo = 0;
        for (int j = from; j < from + n; j++) {
            double e = shiftedExp(z[j], m);
            out[j] = e;
            double t = s + e;
            lo += e - (t - s);
            s = t;
        }
        return (s - 2) + lo;
    }

    /**
     * {@link #shiftedExpRest} when only the sum is wanted (log-softmax, logsumexp): e^(zⱼ − m)
     * without the rounding of zⱼ − m put back. That rounding, up to |zⱼ − m|·2⁻⁵³ relative, is
     * large only in terms that are too small to count: it moves the sum by 2⁻⁵³·Σⱼ pⱼ|zⱼ − m| relative,
     * under an ULP of the log unless the row is both wide and flat (about log C ULP at most).
     *
     * @param z the array holding the row of scores
     * @param from the index of the row's first entry
     * @param n the length of the row
     * @param m the row's maximum, finite
     * @return Σⱼ e^(zⱼ − m) − 1
     */
    public static double shiftedExpSumRest(double[] z, int from, int n, double m) {
        double s = 1;
        double lo = 0;
        for (int j = from; j < from + n; j++) {
            double e = Exp.exp(z[j] - m);
            double t = s + e;
            lo += e - (t - s);
            s = t;
        }
        return (s - 2) + lo;
    }

    /**
     * A row whose maximum m is NaN (NaN row), −∞ (all −∞: 0/0, NaN) or +∞ (the +∞ entries share
     * the mass equally); {@code log} chooses log-softmax.
     */
    private static void nonFiniteSoftmaxRow(double[] z, int from, int n, double m, double[] out, boolean log) {
        if (m != Double.POSITIVE_INFINITY) {
            fill(out, from, n, Double.NaN);
            return;
        }
        int k = countEqual(z, from, n, m);
        double share = log ? -Math.log(k) : 1.0 / k;
        double none = log ? Double.NEGATIVE_INFINITY : 0.0;
        for (int j = from; j < from + n; j++) {
            out[j] = z[j] == m ? share : none;
        }
    }

    private static boolean isFinite(double m) {
        return Math.abs(m) < Double.POSITIVE_INFINITY;
    }

    /**
     * e^(v − m) to within about an ULP: v − m is rounded (by up to ½ ulp(v − m), which e^x
     * turns into a relative error of |v − m|·2⁻⁵³, 150 ULP at a spread of 300), so its exact
     * rounding error, found by TwoSum, goes into the exponential with it ({@link Exp#exp(double,
     * double)}). Public for the loss kernels; m is a finite row maximum and v ≤ m.
     *
     * @param v an entry of the row, at most m
     * @param m the row's maximum, finite
     * @return e^(v − m)
     */
    public static double shiftedExp(double v, double m) {
        double d = v - m;
        double bb = d - v;
        double err = (v - (d - bb)) - (m + bb);
        return Exp.exp(d, err);
    }

    private static int countEqual(double[] z, int from, int n, double v) {
        int k = 0;
        for (int j = from; j < from + n; j++) {
            if (z[j] == v) {
                k++;
            }
        }
        return k;
    }

    private static void fill(double[] out, int from, int n, double v) {
        for (int j = from; j < from + n; j++) {
            out[j] = v;
        }
    }
}
