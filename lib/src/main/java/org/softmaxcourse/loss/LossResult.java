package org.softmaxcourse.loss;

import org.softmaxcourse.numeric.Matrix;

/**
 * What a loss returns for a batch: the per-sample losses, their reduced value, and the gradient
 * of that value with respect to the loss's input (a {@code double[]} for element-wise losses, a
 * {@link Matrix} with one row per sample for categorical ones).
 *
 * @param losses    ℓᵢ, one per sample, before reduction
 * @param value     the reduced loss (the sum for {@link Reduction#NONE})
 * @param gradient  ∂value/∂input, same shape as the input
 * @param reduction how {@code value} was formed from {@code losses}
 * @param <G>       the gradient's type
 */
public record LossResult<G>(double[] losses, double value, G gradient, Reduction reduction) {

    @Override
    public String toString() {
        int n = losses.length;
        String how = switch (reduction) {
            case MEAN -> "mean over " + n + (n == 1 ? " sample" : " samples");
            case SUM -> "sum over " + n + (n == 1 ? " sample" : " samples");
            case NONE -> "no reduction; value is the sum over " + n + (n == 1 ? " sample" : " samples");
        };
        String grad = gradient instanceof double[] g ? vector(g) : String.valueOf(gradient);
        return "LossResult(" + how + ")\n  value    = " + Matrix.format(value)
                + "\n  losses   = " + vector(losses)
                + "\n  gradient = " + grad.replace("\n", "\n  ");
    }

    private static String vector(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        int shown = Math.min(v.length, 10);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(Matrix.format(v[i]));
        }
        if (v.length > shown) {
            sb.append(", … ").append(v.length - shown).append(" more");
        }
        return sb.append(']').toString();
    }
}
