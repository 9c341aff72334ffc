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
     * The Jacobian of z ↦ softmax(z / T): (diag(p) − ppᵀ) / T with p = softmax(z / T).
     *
     * @param z the scores (logits), not empty
     * @param temperature the temperature T, finite and greater than 0
     * @return the Jacobian of z ↦ softmax(z / T): (diag(p) − ppᵀ) / T with p = softmax(z / T)
     */
    public static Matrix jacobian(double[] z, double temperature) {
        double[] p = softmax(z, temperature);
        int c = p.length;
        double[] j = new double[c * c];
        for (int a = 0; a < c; a++) {
            for (int b = 0; b < c; b++) {
                j[a * c + b] = ((a == b ? p[a] : 0.0) - p[a] * p[b]) / temperature;
            }
        }
        return Matrix.wrap(c, c, j);
    }

    /**
     * Backpropagation through softmax: given g = ∂L/∂p, returns ∂L/∂z = Jᵀg = p ⊙ (g − ⟨p, g⟩)
     * without forming the C×C Jacobian.
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
        double dot = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] != 0) {
                dot += p[i] * upstream[i];
            }
        }
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] == 0 ? 0.0 : p[i] * (upstream[i] - dot);
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
