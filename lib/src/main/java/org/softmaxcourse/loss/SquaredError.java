package org.softmaxcourse.loss;

import org.softmaxcourse.numeric.Require;

/**
 * Squared error ℓ(ŷ, y) = ½ (ŷ − y)², with ∂ℓ/∂ŷ = ŷ − y: the regression loss, and the
 * first of the article's two candidates for classification (S8). The ½ cancels the 2 of the
 * derivative.
 *
 * <p>Composed with a sigmoid it makes a poor classification loss: its gradient with respect to
 * the score, (σ(z) − y)·σ(z)(1 − σ(z)), vanishes when the model is confidently wrong, and its
 * cost is not convex in the weights. {@link BinaryCrossEntropy} has neither problem.
 *
 * <p>The ½ is the article's (S8); PyTorch's {@code MSELoss} has none, so its values are twice
 * these and so are its gradients.
 *
 * @see AbsoluteError
 */
public final class SquaredError extends PointwiseLoss {

    private SquaredError(Reduction reduction) {
        super(reduction);
    }

    /**
     * Squared error averaged over the batch.
     *
     * @return the loss, averaged over the batch
     */
    public static SquaredError create() {
        return new SquaredError(Reduction.MEAN);
    }

    /**
     * The same loss with another reduction.
     *
     * @param reduction how the per-sample losses are combined
     * @return the same loss with another reduction
     */
    public SquaredError withReduction(Reduction reduction) {
        return new SquaredError(reduction);
    }

    @Override
    protected double lossAt(double prediction, double target) {
        double d = prediction - target;
        return 0.5 * d * d;
    }

    @Override
    protected double derivativeAt(double prediction, double target) {
        return prediction - target;
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
        return "SquaredError ½(ŷ − y)², reduction " + reduction();
    }
}
