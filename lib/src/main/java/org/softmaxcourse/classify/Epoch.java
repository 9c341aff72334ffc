package org.softmaxcourse.classify;

import org.softmaxcourse.numeric.Matrix;

/**
 * One line of a {@link TrainingHistory}: where training stood after {@code epoch} epochs
 * (epoch 0 is the starting point, all parameters zero).
 *
 * <p>All values are measured on the whole training set with the parameters at the end of the
 * epoch, not averaged over the mini-batches on the way, so the numbers of different epochs and of
 * full-batch and mini-batch runs can be compared directly.
 *
 * @param epoch              epochs completed (for Newton's method: iterations)
 * @param loss               mean cross-entropy (1/n) Σ ℓᵢ on the training set
 * @param cost               the objective J = loss + (λ/2)‖W‖²
 * @param accuracy           share of training samples classified correctly
 * @param validationLoss     mean cross-entropy on the validation data, or NaN if none was given
 * @param validationAccuracy accuracy on the validation data, or NaN if none was given
 */
public record Epoch(int epoch, double loss, double cost, double accuracy, double validationLoss,
                    double validationAccuracy) {

    /**
     * Whether validation data was measured.
     *
     * @return whether validation data was measured
     */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }

    /** E.g. {@code epoch 10: loss 0.2134, cost 0.2201, accuracy 0.956 (validation 0.2511, 0.947)}. */
    @Override
    public String toString() {
        return "epoch " + epoch + ": loss " + Matrix.format(loss) + ", cost " + Matrix.format(cost)
                + ", accuracy " + org.softmaxcourse.numeric.Numbers.percent(accuracy)
                + (hasValidation() ? " (validation loss " + Matrix.format(validationLoss) + ", accuracy "
                + org.softmaxcourse.numeric.Numbers.percent(validationAccuracy) + ")" : "");
    }
}
