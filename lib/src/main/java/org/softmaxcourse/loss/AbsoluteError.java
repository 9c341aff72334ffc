package org.softmaxcourse.loss;

import org.softmaxcourse.numeric.Require;

/**
 * Absolute error ℓ(ŷ, y) = |ŷ − y| (PyTorch's {@code L1Loss}), with ∂ℓ/∂ŷ = sign(ŷ − y): a
 * regression loss that grows linearly, so outliers pull on the fit less than with
 * {@link SquaredError}, at the price of a gradient that never shrinks near the target.
 *
 * <p>At ŷ = y the derivative does not exist; like PyTorch this class returns 0 there (a valid
 * subgradient).
 *
 * @see SquaredError
 */
public final class AbsoluteError extends PointwiseLoss {

    private AbsoluteError(Reduction reduction) {
        super(reduction);
    }

    /**
     * Absolute error averaged over the batch.
     *
     * @return the loss, averaged over the batch
     */
    public static AbsoluteError create() {
        return new AbsoluteError(Reduction.MEAN);
    }

    /**
     * The same loss with another reduction.
     *
     * @param reduction how the per-sample losses are combined
     * @return the same loss with another reduction
     */
    public AbsoluteError withReduction(Reduction reduction) {
        return new AbsoluteError(reduction);
    }

    @Override
    protected double lossAt(double prediction, double target) {
        return Math.abs(prediction - target);
    }

    @Override
    protected double derivativeAt(double prediction, double target) {
        return Math.signum(prediction - target);
    }

    @Override
    protected String inputName() {
        return "prediction";
    }

    @Override
    protected void checkInput(String name, double value) {
        Require.notNaN(name, value);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be finite");
        }
    }

    @Override
    protected void checkTarget(String name, double value) {
        checkInput(name, value);
    }

    @Override
    public String toString() {
        return "AbsoluteError |ŷ − y|, reduction " + reduction();
    }
}
