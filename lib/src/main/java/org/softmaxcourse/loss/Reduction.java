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
        double sum = 0;
        for (double l : losses) {
            sum += l;
        }
        return sum * scale(losses.length);
    }
}
