package org.softmaxcourse.data;

import java.util.Arrays;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * Standardisation x′ⱼ = (xⱼ − μⱼ) / sⱼ, column by column, with μⱼ the mean and sⱼ the
 * population standard deviation √(Σᵢ (xᵢⱼ − μⱼ)² / n) of the data it was fitted on.
 *
 * <p>Gradient descent needs it: with features on scales from 0.001 to 4000 (the breast-cancer
 * data) one learning rate cannot suit every weight. It is fitted on the training part only, and
 * the same μ and s are then applied to test data, exactly as scikit-learn's {@code
 * StandardScaler} does (population standard deviation, ddof = 0). A constant column (s = 0, such
 * as the always-blank corner pixels of the digits) gets s = 1, so it is only centred, as in
 * scikit-learn.
 *
 * @param means  μ, one per column
 * @param scales s, one per column, all positive
 */
public record Standardiser(double[] means, double[] scales) {

    /**
     * Checks and copies μ and s.
     *
     * @param means  μ, one per column, all finite
     * @param scales s, one per column, all finite and positive
     * @throws IllegalArgumentException if an array is null or empty, they differ in length, a mean
     *         is not finite, or a scale is not finite and positive (the message names it and its value)
     */
    public Standardiser {
        Require.nonEmpty("means", means);
        Require.nonEmpty("scales", scales);
        Require.sameLength("means", means, "scales", scales);
        for (int j = 0; j < means.length; j++) {
            if (!Double.isFinite(means[j])) {
                throw new IllegalArgumentException("means[" + j + "] = " + means[j] + " must be finite");
            }
            Require.positiveFinite("scales[" + j + "]", scales[j]);
        }
        means = means.clone();
        scales = scales.clone();
    }

    /**
     * Fits μ and s to the columns of {@code x}.
     *
     * @param x n × d data, at least one row, every entry finite
     * @return a standardiser for d columns
     * @throws IllegalArgumentException if {@code x} is null, has no rows, or holds NaN or ±∞
     */
    public static Standardiser fit(Matrix x) {
        Require.nonEmpty("x", x);
        Dataset.requireFinite("x", x);
        int n = x.rows();
        int d = x.cols();
        double[] data = x.data();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        // Two passes (mean first, then squared deviations) rather than E[x²] − E[x]², which
        // cancels catastrophically for a column like "worst area" (values near 10³, spread 10²).
        double[] scale = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double dev = data[i * d + j] - mean[j];
                scale[j] += dev * dev;
            }
        }
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(scale[j] / n);
            // Treat a spread at rounding level as no spread, as scikit-learn does; dividing by it
            // would blow rounding noise up into values of order 1.
            scale[j] = s <= 10 * Math.ulp(Math.max(1.0, Math.abs(mean[j]))) ? 1.0 : s;
        }
        return new Standardiser(mean, scale);
    }

    /**
     * A copy of μ.
     *
     * @return the column means, a fresh array
     */
    @Override
    public double[] means() {
        return means.clone();
    }

    /**
     * A copy of s.
     *
     * @return the column scales, a fresh array
     */
    @Override
    public double[] scales() {
        return scales.clone();
    }

    /**
     * The number of columns it standardises.
     *
     * @return d
     */
    public int features() {
        return means.length;
    }

    /**
     * (x − μ) / s for every row of {@code x}, as a new matrix.
     *
     * @param x rows with d columns, in the original units
     * @return the standardised rows
     * @throws IllegalArgumentException if {@code x} is null, has no rows, or does not have d columns
     */
    public Matrix transform(Matrix x) {
        check(x);
        int d = x.cols();
        double[] in = x.data();
        double[] out = new double[in.length];
        for (int k = 0; k < in.length; k++) {
            int j = k % d;
            out[k] = (in[k] - means[j]) / scales[j];
        }
        return Matrix.wrap(x.rows(), d, out);
    }

    /**
     * x′ · s + μ: standardised rows back in the original units.
     *
     * @param standardised rows with d columns, standardised
     * @return the rows in the original units
     * @throws IllegalArgumentException if {@code standardised} is null, has no rows, or does not
     *         have d columns
     */
    public Matrix inverse(Matrix standardised) {
        check(standardised);
        int d = standardised.cols();
        double[] in = standardised.data();
        double[] out = new double[in.length];
        for (int k = 0; k < in.length; k++) {
            int j = k % d;
            out[k] = in[k] * scales[j] + means[j];
        }
        return Matrix.wrap(standardised.rows(), d, out);
    }

    /**
     * The data set with its features standardised; labels and names unchanged.
     *
     * @param data a data set with d features
     * @return the standardised data set
     * @throws IllegalArgumentException if {@code data} is null or does not have d features
     */
    public Dataset transform(Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException("data is null");
        }
        return data.withFeatureMatrix(transform(data.features()));
    }

    private void check(Matrix x) {
        Require.nonEmpty("x", x);
        if (x.cols() != means.length) {
            throw new IllegalArgumentException("shape mismatch: x is " + x.shape() + " but the standardiser was fitted on "
                    + means.length + " columns");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardiser s && Arrays.equals(s.means, means) && Arrays.equals(s.scales, scales);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(means) * 31 + Arrays.hashCode(scales);
    }

    /** E.g. {@code Standardiser over 4 columns: μ = [5.843, …], s = [0.8253, …]}. */
    @Override
    public String toString() {
        return "Standardiser over " + means.length + (means.length == 1 ? " column" : " columns")
                + ": μ = " + vector(means) + ", s = " + vector(scales);
    }

    static String vector(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        int shown = Math.min(v.length, 6);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(Matrix.format(v[i]));
        }
        if (v.length > shown) {
            sb.append(", … ").append(v.length - shown).append(" more");
        }
        return sb.append(']').toString();
    }
}
