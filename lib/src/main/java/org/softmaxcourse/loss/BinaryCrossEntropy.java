package org.softmaxcourse.loss;

import org.softmaxcourse.numeric.Require;

/**
 * Binary cross-entropy (log loss), the negative log-likelihood of a Bernoulli label:
 *
 * <pre>
 *   from probabilities:  ℓ(p, y) = −[ y log p + (1 − y) log(1 − p) ]        ∂ℓ/∂p = (p − y) / (p(1 − p))
 *   from logits:         ℓ(z, y) = ℓ(σ(z), y) = y·softplus(−z) + (1 − y)·softplus(z)   ∂ℓ/∂z = σ(z) − y
 * </pre>
 *
 * <p>The target y is a label in {0, 1} or a soft label in [0, 1]. Read case by case (S10):
 * y = 1 gives −log p, small when p is large; y = 0 gives −log(1 − p), small when p is small.
 *
 * <p>The logit form is the one to train with: it is finite for every finite z
 * (ℓ(1000, 0) = 1000, where log(1 − σ(1000)) = log 0 = −∞), and its gradient σ(z) − y never
 * vanishes when the model is confidently wrong. The probability form is exact: p = 0 with y = 1
 * costs +∞ (PyTorch clamps the log at −100 and reports 100, scikit-learn clips p and reports
 * 36.04). Ask for clamping explicitly with {@link #withEps(double)}. The two forms are two small
 * classes behind this one; the logit form's batch path is the fused kernel
 * {@code org.softmaxcourse.internal.kernel.BinaryCrossEntropyKernels}.
 *
 * <p>Weights follow PyTorch's {@code BCEWithLogitsLoss}: per-sample weights wᵢ through
 * {@link #evaluate(double[], double[], double[])} (the mean still divides by N), and a
 * positive-class weight P through {@link #withPosWeight(double)}:
 * ℓᵢ = −wᵢ[P·yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)].
 *
 * @see CategoricalCrossEntropy its C-class generalisation
 * @see <a href="https://en.wikipedia.org/wiki/Cross-entropy#Cross-entropy_loss_function_and_logistic_regression">Cross-entropy and logistic regression</a>
 */
public abstract sealed class BinaryCrossEntropy extends PointwiseLoss
        permits BinaryCrossEntropyFromLogits, BinaryCrossEntropyFromProbabilities {
    /** P, the weight of the positive-class term. */
    final double posWeight;

    BinaryCrossEntropy(double posWeight, Reduction reduction) {
        super(reduction);
        this.posWeight = posWeight;
    }

    /**
     * BCE on probabilities p ∈ [0, 1], exact (no clamping), averaged over the batch.
     *
     * @return the exact loss on probabilities, averaged over the batch
     */
    public static BinaryCrossEntropy fromProbabilities() {
        return new BinaryCrossEntropyFromProbabilities(0.0, 1.0, Reduction.MEAN);
    }

    /**
     * BCE on logits z ∈ [−∞, ∞] (p = σ(z)), averaged over the batch.
     *
     * @return the loss on logits, averaged over the batch
     */
    public static BinaryCrossEntropy fromLogits() {
        return new BinaryCrossEntropyFromLogits(1.0, Reduction.MEAN);
    }

    /** The same form and clamping with another positive-class weight and reduction. */
    abstract BinaryCrossEntropy with(double posWeight, Reduction reduction);

    /**
     * The same loss with another reduction.
     *
     * @param reduction how the per-sample losses are combined
     * @return the same loss with another reduction
     * @throws IllegalArgumentException if {@code reduction} is null
     */
    public BinaryCrossEntropy withReduction(Reduction reduction) {
        return with(posWeight, reduction);
    }

    /**
     * The same loss with the positive-class term weighted by P (PyTorch's {@code pos_weight}):
     * ℓ = −[P·y log p + (1 − y) log(1 − p)]. P &gt; 1 trades precision for recall on the positive
     * class; P = (number of negatives)/(number of positives) balances an imbalanced data set.
     * PyTorch offers it on logits only; here it works on both forms. P must be finite and ≥ 0.
     *
     * @param posWeight P, finite and at least 0
     * @return the same loss with the positive-class term weighted by P
     * @throws IllegalArgumentException if {@code posWeight} is negative, infinite or NaN
     */
    public BinaryCrossEntropy withPosWeight(double posWeight) {
        if (!(posWeight >= 0 && posWeight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("posWeight = " + posWeight + " must be finite and at least 0");
        }
        return with(posWeight, reduction());
    }

    /**
     * P, the weight of the positive-class term (1 unless set).
     *
     * @return P, the weight of the positive-class term (1 unless set)
     */
    public double posWeight() {
        return posWeight;
    }

    /**
     * The same loss with p clamped to [ε, 1 − ε] before the logs, so that it never exceeds
     * −log ε. Only for probabilities: logits never need it.
     *
     * @param eps the clamping ε, in (0, 0.5)
     * @return the same loss with p clamped to [ε, 1 − ε] before the logs, so that it never exceeds −log ε
     * @throws IllegalArgumentException if {@code eps} is outside (0, 0.5) or the loss is on logits
     */
    public abstract BinaryCrossEntropy withEps(double eps);

    /**
     * Whether the input is a logit z (true) or a probability p (false).
     *
     * @return whether the input is a logit z (true) or a probability p (false)
     */
    public abstract boolean isFromLogits();

    /**
     * The clamping ε, or 0 for the exact loss.
     *
     * @return the clamping ε, or 0 for the exact loss
     */
    public double eps() {
        return 0.0;
    }

    @Override
    protected void checkTarget(String name, double value) {
        Require.probability(name, value);
    }

    @Override
    public String toString() {
        return "BinaryCrossEntropy(from " + (isFromLogits() ? "logits" : "probabilities")
                + (eps() > 0 ? ", eps = " + eps() : "") + (posWeight != 1 ? ", posWeight = " + posWeight : "")
                + ", reduction " + reduction() + ")";
    }
}
