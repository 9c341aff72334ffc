package org.softmaxcourse.loss;

import org.softmaxcourse.activation.Softplus;
import org.softmaxcourse.internal.kernel.BinaryCrossEntropyKernels;
import org.softmaxcourse.internal.kernel.Exp;
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
 * 36.04). Ask for clamping explicitly with {@link #withEps(double)}.
 *
 * <p>Weights follow PyTorch's {@code BCEWithLogitsLoss}: per-sample weights wᵢ through
 * {@link #evaluate(double[], double[], double[])} (the mean still divides by N), and a
 * positive-class weight P through {@link #withPosWeight(double)}:
 * ℓᵢ = −wᵢ[P·yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)].
 *
 * @see CategoricalCrossEntropy its C-class generalisation
 * @see <a href="https://en.wikipedia.org/wiki/Cross-entropy#Cross-entropy_loss_function_and_logistic_regression">Cross-entropy and logistic regression</a>
 */
public final class BinaryCrossEntropy extends PointwiseLoss {
    private final boolean fromLogits;
    private final double eps;
    private final double posWeight;

    private BinaryCrossEntropy(boolean fromLogits, double eps, double posWeight, Reduction reduction) {
        super(reduction);
        this.fromLogits = fromLogits;
        this.eps = eps;
        this.posWeight = posWeight;
    }

    /**
     * BCE on probabilities p ∈ [0, 1], exact (no clamping), averaged over the batch.
     *
     * @return the exact loss on probabilities, averaged over the batch
     */
    public static BinaryCrossEntropy fromProbabilities() {
        return new BinaryCrossEntropy(false, 0.0, 1.0, Reduction.MEAN);
    }

    /**
     * BCE on logits z ∈ [−∞, ∞] (p = σ(z)), averaged over the batch.
     *
     * @return the loss on logits, averaged over the batch
     */
    public static BinaryCrossEntropy fromLogits() {
        return new BinaryCrossEntropy(true, 0.0, 1.0, Reduction.MEAN);
    }

    /**
     * The same loss with another reduction.
     *
     * @param reduction how the per-sample losses are combined
     * @return the same loss with another reduction
     */
    public BinaryCrossEntropy withReduction(Reduction reduction) {
        return new BinaryCrossEntropy(fromLogits, eps, posWeight, reduction);
    }

    /**
     * The same loss with the positive-class term weighted by P (PyTorch's {@code pos_weight}):
     * ℓ = −[P·y log p + (1 − y) log(1 − p)]. P &gt; 1 trades precision for recall on the positive
     * class; P = (number of negatives)/(number of positives) balances an imbalanced data set.
     * PyTorch offers it on logits only; here it works on both forms. P must be finite and ≥ 0.
     *
     * @param posWeight P, finite and at least 0
     * @return the same loss with the positive-class term weighted by P
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public BinaryCrossEntropy withPosWeight(double posWeight) {
        if (!(posWeight >= 0 && posWeight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("posWeight = " + posWeight + " must be finite and at least 0");
        }
        return new BinaryCrossEntropy(fromLogits, eps, posWeight, reduction());
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
     * −log ε. Only for probabilities: logits never need it. {@code eps} must lie in (0, 0.5).
     *
     * @param eps the clamping ε, in (0, 0.5)
     * @return the same loss with p clamped to [ε, 1 − ε] before the logs, so that it never exceeds −log ε
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public BinaryCrossEntropy withEps(double eps) {
        if (fromLogits) {
            throw new IllegalArgumentException("eps = " + eps
                    + ": the logit form is finite for every finite logit and takes no eps");
        }
        if (!(eps > 0 && eps < 0.5)) {
            throw new IllegalArgumentException("eps = " + eps + " must lie in (0, 0.5)");
        }
        return new BinaryCrossEntropy(false, eps, posWeight, reduction());
    }

    /**
     * Whether the input is a logit z (true) or a probability p (false).
     *
     * @return whether the input is a logit z (true) or a probability p (false)
     */
    public boolean isFromLogits() {
        return fromLogits;
    }

    /**
     * The clamping ε, or 0 for the exact loss.
     *
     * @return the clamping ε, or 0 for the exact loss
     */
    public double eps() {
        return eps;
    }

    @Override
    protected double lossAt(double input, double y) {
        // A term whose weight is 0 is left out: 0·softplus(±∞) and 0·log 0 would be NaN.
        double wPos = posWeight * y;
        if (fromLogits) {
            double pos = wPos == 0 ? 0.0 : wPos * Softplus.softplus(-input);
            double neg = y == 1 ? 0.0 : (1 - y) * Softplus.softplus(input);
            return pos + neg;
        }
        double p = clamp(input);
        // log1p(−p) keeps full precision for small p where log(1 − p) does not.
        double pos = wPos == 0 ? 0.0 : -wPos * Math.log(p);
        double neg = y == 1 ? 0.0 : -(1 - y) * Math.log1p(-p);
        return pos + neg;
    }

    @Override
    protected double derivativeAt(double input, double y) {
        if (fromLogits) {
            return BinaryCrossEntropyKernels.logitGradient(input, y, Exp.exp(-Math.abs(input)), posWeight);
        }
        if (eps > 0 && (input < eps || input > 1 - eps)) {
            return 0.0;
        }
        double wPos = posWeight * y;
        double pos = wPos == 0 ? 0.0 : -wPos / input;
        double neg = y == 1 ? 0.0 : (1 - y) / (1 - input);
        return pos + neg;
    }

    /**
     * From logits, loss and gradient share one e^(−|z|) (the fast kernel
     * {@link BinaryCrossEntropyKernels#fromLogits}); the values are bit for bit those of lossAt
     * and derivativeAt. An infinite z, whose terms need the guards of lossAt against 0·∞, goes
     * through lossAt itself.
     */
    @Override
    protected void evaluateRange(double[] input, double[] target, double scale, double[] losses, double[] gradient,
                                 int from, int to) {
        if (!fromLogits) {
            super.evaluateRange(input, target, scale, losses, gradient, from, to);
            return;
        }
        if (BinaryCrossEntropyKernels.fromLogits(input, target, posWeight, scale, losses, gradient, from, to)) {
            for (int i = from; i < to; i++) {
                if (Double.isInfinite(input[i])) {
                    losses[i] = lossAt(input[i], target[i]);
                    gradient[i] = scale * derivativeAt(input[i], target[i]);
                }
            }
        }
    }

    private double clamp(double p) {
        return eps > 0 ? Math.min(Math.max(p, eps), 1 - eps) : p;
    }

    @Override
    protected String inputName() {
        return fromLogits ? "z" : "p";
    }

    @Override
    protected void checkInput(String name, double value) {
        if (fromLogits) {
            Require.notNaN(name, value);
        } else {
            Require.probability(name, value);
        }
    }

    @Override
    protected void checkTarget(String name, double value) {
        Require.probability(name, value);
    }

    @Override
    public String toString() {
        return "BinaryCrossEntropy(from " + (fromLogits ? "logits" : "probabilities")
                + (eps > 0 ? ", eps = " + eps : "") + (posWeight != 1 ? ", posWeight = " + posWeight : "")
                + ", reduction " + reduction() + ")";
    }
}
