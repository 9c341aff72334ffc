package org.softmaxcourse.activation;

import org.softmaxcourse.numeric.Exp;
import org.softmaxcourse.numeric.Log1p;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Parallel;
import org.softmaxcourse.numeric.Require;

/**
 * Softmax (a.k.a. normalised exponential), log-softmax and logsumexp, over one vector of scores
 * and row-wise over a batch; softmax at a temperature, its Jacobian and its backward pass.
 *
 * <pre>
 *   softmax(z)ᵢ    = e^(zᵢ) / Σⱼ e^(zⱼ)         C probabilities that sum to 1
 *   logsumexp(z)   = log Σⱼ e^(zⱼ)              a smooth maximum of z
 *   logsoftmax(z)ᵢ = zᵢ − logsumexp(z)          log-probabilities, exact where softmax underflows
 *   softmax(z; T)  = softmax(z / T)             temperature T &gt; 0
 *   ∂pᵢ/∂zⱼ         = pᵢ(δᵢⱼ − pⱼ)               the Jacobian diag(p) − ppᵀ
 * </pre>
 *
 * <p>All three subtract the largest score m first (softmax(z) = softmax(z − m)), so no e^x
 * overflows, and write the sum as 1 + Σ<sub>j≠argmax</sub> e^(zⱼ − m) so that log1p keeps the
 * small terms: logsumexp([0, −40]) is exact to the last bit, not rounded to 0.
 *
 * <p>Infinite scores take their limits: a +∞ score takes all the probability (shared equally with
 * other +∞ scores), a −∞ score gets probability 0 and log-probability −∞, and logsumexp of all
 * −∞ is −∞. Softmax and log-softmax of a vector whose scores are all −∞ are undefined (0/0) and
 * come out NaN; a NaN score makes the whole row NaN.
 *
 * @see Sigmoid two-class softmax: softmax([a, b])₀ = σ(a − b)
 */
public final class Softmax {
    private Softmax() {
    }

    /** softmax(z) as a new array. */
    public static double[] softmax(double[] z) {
        Require.nonEmpty("z", z);
        double[] out = new double[z.length];
        softmaxRow(z, 0, z.length, out);
        return out;
    }

    /** log softmax(z) as a new array. */
    public static double[] logSoftmax(double[] z) {
        Require.nonEmpty("z", z);
        double[] out = new double[z.length];
        logSoftmaxRow(z, 0, z.length, out);
        return out;
    }

    /** log Σ e^(zⱼ). */
    public static double logSumExp(double[] z) {
        Require.nonEmpty("z", z);
        return logSumExpRow(z, 0, z.length);
    }

    /**
     * softmax(z / T), the softmax at temperature T &gt; 0: T &gt; 1 flattens the distribution
     * towards uniform, T &lt; 1 sharpens it towards the argmax (T → 0), T = 1 is plain softmax.
     * Used for distillation and sampling.
     */
    public static double[] softmax(double[] z, double temperature) {
        if (temperature == 1.0) {
            // Unscaled: the row kernel then takes e^(z − max) with the rounding of z − max put back.
            return softmax(z);
        }
        return softmax(scaled(z, temperature));
    }

    /** log softmax(z / T). */
    public static double[] logSoftmax(double[] z, double temperature) {
        if (temperature == 1.0) {
            return logSoftmax(z);
        }
        return logSoftmax(scaled(z, temperature));
    }

    /**
     * The Jacobian of softmax at z, the C×C matrix J with
     * J<sub>ij</sub> = ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ), that is diag(p) − ppᵀ. Symmetric, its rows sum to
     * 0 (adding a constant to z changes nothing) and it is positive semi-definite.
     */
    public static Matrix jacobian(double[] z) {
        return jacobian(z, 1.0);
    }

    /**
     * The Jacobian of z ↦ softmax(z / T): (diag(p) − ppᵀ) / T with p = softmax(z / T). Each entry
     * is formed from the shifted exponentials eⱼ = e^(zⱼ/T − max) and their sum S as a single
     * quotient, −eₐe_b/S² off the diagonal and eₐ(S − eₐ)/S² on it, with S − eₐ summed from the
     * other terms: pₐ − pₐ² cancels when pₐ is near 1 (z = [0, −40] gave J₀₀ = 0 instead of
     * 4.2e-18), and a product of two rounded probabilities carries both their errors.
     */
    public static Matrix jacobian(double[] z, double temperature) {
        softmax(z, temperature); // validates z and T as softmax does
        Shifted s = Shifted.of(temperature == 1.0 ? z : scaled(z, temperature));
        int c = z.length;
        double[] j = new double[c * c];
        for (int a = 0; a < c; a++) {
            for (int b = 0; b < c; b++) {
                j[a * c + b] = (a == b ? s.over(a, s.sumExcept(a)) : -s.over(a, s.e[b])) / temperature;
            }
        }
        return Matrix.wrap(c, c, j);
    }

    /**
     * The shifted exponentials eⱼ = e^(zⱼ − max z) of a row (each with the TwoSum error of
     * zⱼ − max put back, as in {@link #shiftedExp}) and their compensated sum S = sum + sumLo ≥ 1:
     * pⱼ = eⱼ/S. For the Jacobian and the backward pass, whose entries are quotients of products
     * of these.
     */
    private static final class Shifted {
        final double[] e;
        final double sum;
        final double sumLo;

        private Shifted(double[] e, double sum, double sumLo) {
            this.e = e;
            this.sum = sum;
            this.sumLo = sumLo;
        }

        static Shifted of(double[] z) {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                m = Math.max(m, v);
            }
            double[] e = new double[z.length];
            for (int j = 0; j < z.length; j++) {
                if (m == Double.POSITIVE_INFINITY) {
                    // As softmax: the mass is shared by the +∞ entries.
                    e[j] = z[j] == m ? 1.0 : 0.0;
                    continue;
                }
                double d = z[j] - m;
                // d = −∞: zⱼ is −∞, or zⱼ − m overflowed (a spread past MAX_VALUE); eⱼ is 0 either way.
                if (d != Double.NEGATIVE_INFINITY) {
                    double bb = d - z[j];
                    double err = (z[j] - (d - bb)) - (m + bb);
                    double x = Math.exp(d);
                    e[j] = x + x * err;
                }
            }
            double[] s = compensatedSum(e, -1);
            return new Shifted(e, s[0], s[1]);
        }

        /** Σ_{j ≠ except} eⱼ as a head and a tail (Neumaier). */
        static double[] compensatedSum(double[] e, int except) {
            double s = 0;
            double comp = 0;
            for (int j = 0; j < e.length; j++) {
                if (j != except) {
                    double t = s + e[j];
                    comp += Math.abs(s) >= Math.abs(e[j]) ? (s - t) + e[j] : (e[j] - t) + s;
                    s = t;
                }
            }
            double hi = s + comp;
            return new double[] {hi, comp - (hi - s)};
        }

        /** S − eₐ, the sum of the other terms. */
        double sumExcept(int a) {
            return compensatedSum(e, a)[0];
        }

        /** eₐ·x/S², the product and the square taken with their fma-exact errors. */
        double over(int a, double x) {
            double sq = sum * sum;
            double sqLo = Math.fma(sum, sum, -sq) + 2 * sum * sumLo;
            double pr = e[a] * x;
            double prLo = Math.fma(e[a], x, -pr);
            double q = pr / sq;
            return q + (Math.fma(-q, sq, pr) + prLo - q * sqLo) / sq;
        }

        /** eₐ·x/S. */
        double overS(int a, double x) {
            double pr = e[a] * x;
            double prLo = Math.fma(e[a], x, -pr);
            double q = pr / sum;
            return q + (Math.fma(-q, sum, pr) + prLo - q * sumLo) / sum;
        }
    }

    /**
     * Backpropagation through softmax: given g = ∂L/∂p, returns ∂L/∂z = Jᵀg = p ⊙ (g − ⟨p, g⟩)
     * without forming the C×C Jacobian.
     *
     * <p>When one class k has p<sub>k</sub> &gt; ½, gᵢ − ⟨p, g⟩ is computed relative to it, as
     * (gᵢ − g<sub>k</sub>) − Σⱼ pⱼ(gⱼ − g<sub>k</sub>), which equals it because the probabilities sum
     * to 1: the plain form cancels when p<sub>k</sub> is near 1 (for z = [0, −40] it gave 0 for
     * the first component, whose true value is p₀p₁(g₀ − g₁)). The sum is compensated, and each
     * component is the one quotient eᵢ·(…)/S of the shifted exponentials.
     */
    public static double[] backward(double[] z, double[] upstream) {
        Require.nonEmpty("upstream", upstream);
        double[] p = softmax(z);
        Require.sameLength("z", z, "upstream", upstream);
        Shifted e = Shifted.of(z);
        int k = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[k]) {
                k = i;
            }
        }
        // Relative to g_k only when p_k > ½: elsewhere gᵢ − g_k could be far larger than gᵢ − ⟨p, g⟩.
        double ref = p[k] > 0.5 ? upstream[k] : 0.0;
        // Σⱼ eⱼ(gⱼ − ref), the products' fma errors and the additions' (Neumaier) carried along; / S
        double s = 0;
        double comp = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] != 0) {
                double d = upstream[j] - ref;
                double term = e.e[j] * d;
                double t = s + term;
                comp += (Math.abs(s) >= Math.abs(term) ? (s - t) + term : (term - t) + s)
                        + Math.fma(e.e[j], d, -term);
                s = t;
            }
        }
        double num = s + comp;
        double shift = num / e.sum;
        shift += (Math.fma(-shift, e.sum, num) + (comp - (num - s)) - shift * e.sumLo) / e.sum;
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] == 0 ? 0.0 : e.overS(i, (upstream[i] - ref) - shift);
        }
        return out;
    }

    /** softmax of each row of {@code z}: a matrix of the same shape whose rows sum to 1. */
    public static Matrix softmax(Matrix z) {
        return softmaxRows(z, 1);
    }

    /** softmax(z / T) of each row of {@code z}. */
    public static Matrix softmax(Matrix z, double temperature) {
        Require.nonEmpty("z", z);
        Require.positiveFinite("temperature", temperature);
        int c = z.cols();
        double[] out = new double[z.data().length];
        for (int i = 0; i < z.rows(); i++) {
            // Row by row: each row is shifted by its own maximum.
            double[] row = scaled(z.row(i), temperature);
            softmaxRow(row, 0, c, row);
            System.arraycopy(row, 0, out, i * c, c);
        }
        return Matrix.wrap(z.rows(), c, out);
    }

    /** log-softmax of each row of {@code z}. */
    public static Matrix logSoftmax(Matrix z) {
        return logSoftmaxRows(z, 1);
    }

    /** logsumexp of each row of {@code z}. */
    public static double[] logSumExp(Matrix z) {
        Require.nonEmpty("z", z);
        double[] out = new double[z.rows()];
        for (int i = 0, c = z.cols(); i < z.rows(); i++) {
            out[i] = logSumExpRow(z.data(), i * c, c);
        }
        return out;
    }

    /**
     * Softmax of every row, the rows split over {@code threads} threads ({@link Parallel}); the
     * result is bit for bit that of {@link #softmax(Matrix)}.
     */
    public static Matrix softmaxRows(Matrix z, int threads) {
        return rowsInParallel(z, threads, Softmax::softmaxRow);
    }

    /**
     * Log-softmax of every row, the rows split over {@code threads} threads; bit for bit
     * {@link #logSoftmax(Matrix)}.
     */
    public static Matrix logSoftmaxRows(Matrix z, int threads) {
        return rowsInParallel(z, threads, Softmax::logSoftmaxRow);
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
     * keeps its batches in one array (the classifiers, the benchmarks).
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

    /** log-softmax of {@code z[from .. from + n)} written to {@code out}; see {@link #softmaxRow}. */
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

    /** logsumexp of {@code z[from .. from + n)}; see {@link #softmaxRow}. */
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
     * (z − max z) / T as a new array, after checking T. Softmax does not see the shift, and
     * shifting first keeps a tiny T from overflowing every score to +∞ (which would share the
     * mass equally instead of giving it all to the argmax, the T → 0 limit).
     */
    private static double[] scaled(double[] z, double temperature) {
        Require.nonEmpty("z", z);
        Require.positiveFinite("temperature", temperature);
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        double shift = Double.isInfinite(m) || Double.isNaN(m) ? 0.0 : m;
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = (z[i] - shift) / temperature;
        }
        return out;
    }

    /**
     * e^(v − m) to within about an ULP: v − m is rounded (by up to ½ ulp(v − m), which e^x
     * turns into a relative error of |v − m|·2⁻⁵³, 150 ULP at a spread of 300), so its exact
     * rounding error, found by TwoSum, goes into the exponential with it ({@link Exp#exp(double,
     * double)}). Public for the loss kernels; m is a finite row maximum and v ≤ m.
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
