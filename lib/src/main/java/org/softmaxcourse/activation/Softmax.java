package org.softmaxcourse.activation;

import org.softmaxcourse.internal.kernel.SoftmaxKernels;
import org.softmaxcourse.numeric.Matrix;
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
 * small terms: logsumexp([0, −40]) is exact to the last bit, not rounded to 0. Those few lines,
 * and the fast versions that run them over every row of a batch on several threads, are the row
 * kernels of {@link SoftmaxKernels} (not the course API); the methods here state the contract.
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

    /**
     * softmax(z) as a new array.
     *
     * @param z the scores (logits), not empty
     * @return softmax(z) as a new array
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double[] softmax(double[] z) {
        Require.nonEmpty("z", z);
        double[] out = new double[z.length];
        SoftmaxKernels.softmaxRow(z, 0, z.length, out);
        return out;
    }

    /**
     * log softmax(z) as a new array.
     *
     * @param z the scores (logits), not empty
     * @return log softmax(z) as a new array
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double[] logSoftmax(double[] z) {
        Require.nonEmpty("z", z);
        double[] out = new double[z.length];
        SoftmaxKernels.logSoftmaxRow(z, 0, z.length, out);
        return out;
    }

    /**
     * log Σ e^(zⱼ).
     *
     * @param z the scores (logits), not empty
     * @return log Σ e^(zⱼ)
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double logSumExp(double[] z) {
        Require.nonEmpty("z", z);
        return SoftmaxKernels.logSumExpRow(z, 0, z.length);
    }

    /**
     * softmax(z / T), the softmax at temperature T &gt; 0: T &gt; 1 flattens the distribution
     * towards uniform, T &lt; 1 sharpens it towards the argmax (T → 0), T = 1 is plain softmax.
     * Used for distillation and sampling.
     *
     * @param z the scores (logits), not empty
     * @param temperature the temperature T, finite and greater than 0
     * @return softmax(z / T) as a new array
     */
    public static double[] softmax(double[] z, double temperature) {
        if (temperature == 1.0) {
            // Unscaled: the row kernel then takes e^(z − max) with the rounding of z − max put back.
            return softmax(z);
        }
        return softmax(scaled(z, temperature));
    }

    /**
     * log softmax(z / T).
     *
     * @param z the scores (logits), not empty
     * @param temperature the temperature T, finite and greater than 0
     * @return log softmax(z / T)
     */
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
     *
     * @param z the scores (logits), not empty
     * @return the Jacobian of softmax at z, the C×C matrix J with J<sub>ij</sub> = ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ), that is diag(p) − ppᵀ
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
     *
     * @param z the scores (logits), not empty
     * @param temperature the temperature T, finite and greater than 0
     * @return the Jacobian of z ↦ softmax(z / T): (diag(p) − ppᵀ) / T with p = softmax(z / T)
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
     *
     * @param z the scores (logits), not empty
     * @param upstream ∂L/∂(output), one entry per entry of {@code z}
     * @return ∂L/∂z = p ⊙ (g − ⟨p, g⟩), a new array
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
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

    /**
     * softmax of each row of {@code z}: a matrix of the same shape whose rows sum to 1.
     *
     * @param z the scores (logits), not empty
     * @return softmax of each row of {@code z}: a matrix of the same shape whose rows sum to 1
     */
    public static Matrix softmax(Matrix z) {
        return softmaxRows(z, 1);
    }

    /**
     * softmax(z / T) of each row of {@code z}.
     *
     * @param z the scores (logits), not empty
     * @param temperature the temperature T, finite and greater than 0
     * @return softmax(z / T) of each row of {@code z}
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static Matrix softmax(Matrix z, double temperature) {
        Require.nonEmpty("z", z);
        Require.positiveFinite("temperature", temperature);
        int c = z.cols();
        double[] out = new double[z.data().length];
        for (int i = 0; i < z.rows(); i++) {
            // Row by row: each row is shifted by its own maximum.
            double[] row = scaled(z.row(i), temperature);
            SoftmaxKernels.softmaxRow(row, 0, c, row);
            System.arraycopy(row, 0, out, i * c, c);
        }
        return Matrix.wrap(z.rows(), c, out);
    }

    /**
     * log-softmax of each row of {@code z}.
     *
     * @param z the scores (logits), not empty
     * @return log-softmax of each row of {@code z}
     */
    public static Matrix logSoftmax(Matrix z) {
        return logSoftmaxRows(z, 1);
    }

    /**
     * logsumexp of each row of {@code z}.
     *
     * @param z the scores (logits), not empty
     * @return logsumexp of each row of {@code z}
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double[] logSumExp(Matrix z) {
        Require.nonEmpty("z", z);
        double[] out = new double[z.rows()];
        for (int i = 0, c = z.cols(); i < z.rows(); i++) {
            out[i] = SoftmaxKernels.logSumExpRow(z.data(), i * c, c);
        }
        return out;
    }

    /**
     * Softmax of every row, the rows split over {@code threads} threads ({@link SoftmaxKernels}); the
     * result is bit for bit that of {@link #softmax(Matrix)}.
     *
     * @param z the scores (logits), not empty
     * @param threads the number of threads, at least 1
     * @return a new matrix of the shape of {@code z} whose rows sum to 1
     */
    public static Matrix softmaxRows(Matrix z, int threads) {
        return SoftmaxKernels.softmaxRows(z, threads);
    }

    /**
     * Log-softmax of every row, the rows split over {@code threads} threads; bit for bit
     * {@link #logSoftmax(Matrix)}.
     *
     * @param z the scores (logits), not empty
     * @param threads the number of threads, at least 1
     * @return a new matrix of the shape of {@code z} holding log-probabilities
     */
    public static Matrix logSoftmaxRows(Matrix z, int threads) {
        return SoftmaxKernels.logSoftmaxRows(z, threads);
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

}
