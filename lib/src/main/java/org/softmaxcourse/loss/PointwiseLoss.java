package org.softmaxcourse.loss;

import org.softmaxcourse.internal.kernel.Parallel;
import org.softmaxcourse.numeric.Require;

/**
 * A loss ℓ(input, target) applied sample by sample to two vectors of equal length: one
 * prediction per sample and one target per sample. Subclasses supply ℓ, ∂ℓ/∂input and the
 * checks of what counts as a valid input and target; this class does the batching, the
 * {@link Reduction}, optional per-sample weights and the shape checks.
 *
 * <p><b>Per-sample weights</b> follow PyTorch's {@code weight} argument of {@code BCELoss},
 * {@code BCEWithLogitsLoss}, {@code L1Loss}-style element-wise losses: sample i's loss becomes
 * wᵢ·ℓᵢ (that is what {@link LossResult#losses()} holds), and {@link Reduction#MEAN} still divides
 * the sum by N, the number of samples, not by Σ wᵢ. Weights must be finite and ≥ 0; a sample of
 * weight 0 contributes exactly 0 to the loss and the gradient, even where its ℓ is +∞.
 *
 * @see CategoricalCrossEntropy whose class weights do divide by their sum
 */
public abstract class PointwiseLoss {
    private final Reduction reduction;

    /**
     * A loss with this reduction.
     *
     * @param reduction how the per-sample losses are combined
     * @throws IllegalArgumentException if {@code reduction} is null
     */
    protected PointwiseLoss(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction is null");
        }
        this.reduction = reduction;
    }

    /**
     * How the per-sample losses are combined.
     *
     * @return the reduction
     */
    public final Reduction reduction() {
        return reduction;
    }

    /**
     * ℓ for one sample.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @return ℓ for one sample
     */
    public final double loss(double input, double target) {
        checkInput(inputName(), input);
        checkTarget(targetName(), target);
        return lossAt(input, target);
    }

    /**
     * ∂ℓ/∂input for one sample.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @return ∂ℓ/∂input for one sample
     */
    public final double derivative(double input, double target) {
        checkInput(inputName(), input);
        checkTarget(targetName(), target);
        return derivativeAt(input, target);
    }

    /**
     * Losses, reduced value and gradient for a batch, in one pass.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @return the losses, their reduction and the gradient
     */
    public final LossResult<double[]> evaluate(double[] input, double[] target) {
        return evaluate(input, target, 1);
    }

    /**
     * {@link #evaluate(double[], double[])} with the elements split over {@code threads} threads
     * ({@link org.softmaxcourse.internal.kernel.Parallel}), the checks of the inputs too; bit for bit the
     * single-threaded result.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @param threads the number of threads, at least 1
     * @return the losses, their reduction and the gradient
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public final LossResult<double[]> evaluate(double[] input, double[] target, int threads) {
        Require.nonEmpty(inputName(), input);
        Require.nonEmpty(targetName(), target);
        Require.sameLength(inputName(), input, targetName(), target);
        int n = input.length;
        double scale = reduction.scale(n);
        double[] losses = new double[n];
        double[] gradient = new double[n];
        String in = inputName();
        String tn = targetName();
        try {
            Parallel.forRange(n, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    checkInput(in, input[i]);
                    checkTarget(tn, target[i]);
                }
                evaluateRange(input, target, scale, losses, gradient, from, to);
            });
        } catch (IllegalArgumentException e) {
            // Name the first bad element of the whole batch, as the single-threaded check does.
            check(input, target);
            throw e;
        }
        return new LossResult<>(losses, reduction.reduce(losses), gradient, reduction);
    }

    /**
     * Fills losses[i] and gradient[i] = scale·∂loss for i in [from, to). Subclasses may fuse the
     * two (one exponential for both) as long as the values are those of lossAt and derivativeAt.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @param scale the factor of the reduction each gradient entry carries
     * @param losses where the per-sample losses go
     * @param gradient where the scaled gradient goes
     * @param from the first sample
     * @param to one past the last sample
     */
    protected void evaluateRange(double[] input, double[] target, double scale, double[] losses, double[] gradient,
                                 int from, int to) {
        for (int i = from; i < to; i++) {
            losses[i] = lossAt(input[i], target[i]);
            gradient[i] = scale * derivativeAt(input[i], target[i]);
        }
    }

    /**
     * Losses wᵢ·ℓᵢ, reduced value and gradient for a batch with per-sample weights; MEAN divides
     * by N (PyTorch's definition, see the class comment).
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @param weights one weight per sample, each finite and at least 0
     * @return the weighted losses wᵢ·ℓᵢ, their reduction and the gradient
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public final LossResult<double[]> evaluate(double[] input, double[] target, double[] weights) {
        check(input, target);
        Require.nonEmpty("weights", weights);
        Require.sameLength(inputName(), input, "weights", weights);
        ClassWeighting.requireWeights("weights", weights);
        int n = input.length;
        double scale = reduction.scale(n);
        double[] losses = new double[n];
        double[] gradient = new double[n];
        for (int i = 0; i < n; i++) {
            if (weights[i] != 0) {
                losses[i] = weights[i] * lossAt(input[i], target[i]);
                gradient[i] = scale * weights[i] * derivativeAt(input[i], target[i]);
            }
        }
        return new LossResult<>(losses, reduction.reduce(losses), gradient, reduction);
    }

    /**
     * The reduced weighted loss of a batch; see {@link #evaluate(double[], double[], double[])}.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @param weights one weight per sample, each finite and at least 0
     * @return the reduced weighted loss of a batch; see {@link #evaluate(double[], double[], double[])}
     */
    public final double loss(double[] input, double[] target, double[] weights) {
        return evaluate(input, target, weights).value();
    }

    /**
     * The reduced loss of a batch (the sum for {@link Reduction#NONE}).
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @return the reduced loss of a batch (the sum for {@link Reduction#NONE})
     */
    public final double loss(double[] input, double[] target) {
        return evaluate(input, target).value();
    }

    /**
     * The per-sample losses of a batch.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @return the per-sample losses of a batch
     */
    public final double[] losses(double[] input, double[] target) {
        return evaluate(input, target).losses();
    }

    /**
     * The gradient of {@link #loss(double[], double[])} with respect to {@code input}.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @return the gradient of {@link #loss(double[], double[])} with respect to {@code input}
     */
    public final double[] gradient(double[] input, double[] target) {
        return evaluate(input, target).gradient();
    }

    private void check(double[] input, double[] target) {
        Require.nonEmpty(inputName(), input);
        Require.nonEmpty(targetName(), target);
        Require.sameLength(inputName(), input, targetName(), target);
        // The indexed names are only built for the element that fails: building them for every
        // element allocated two strings per element.
        String in = inputName();
        String tn = targetName();
        for (int i = 0; i < input.length; i++) {
            try {
                checkInput(in, input[i]);
                checkTarget(tn, target[i]);
            } catch (IllegalArgumentException e) {
                checkInput(in + "[" + i + "]", input[i]);
                checkTarget(tn + "[" + i + "]", target[i]);
                throw e;
            }
        }
    }

    /**
     * ℓ(input, target) for arguments already checked.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @return ℓ(input, target) for arguments already checked
     */
    protected abstract double lossAt(double input, double target);

    /**
     * ∂ℓ/∂input for arguments already checked.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @return ∂ℓ/∂input for arguments already checked
     */
    protected abstract double derivativeAt(double input, double target);

    /**
     * The input's name in error messages, e.g. {@code "p"} or {@code "z"}.
     *
     * @return the input's name in error messages
     */
    protected abstract String inputName();

    /**
     * The target's name in error messages.
     *
     * @return the target's name in error messages
     */
    protected String targetName() {
        return "y";
    }

    /**
     * Throws {@link IllegalArgumentException} naming {@code name} if {@code value} is not a valid input.
     *
     * @param name the argument's name for the message
     * @param value the value to check
     */
    protected abstract void checkInput(String name, double value);

    /**
     * Throws {@link IllegalArgumentException} naming {@code name} if {@code value} is not a valid target.
     *
     * @param name the argument's name for the message
     * @param value the value to check
     */
    protected abstract void checkTarget(String name, double value);
}
