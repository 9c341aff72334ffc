package org.softmaxcourse.loss;

import org.softmaxcourse.internal.kernel.SoftmaxKernels;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * The Kullback–Leibler divergence loss KL(p ‖ q) = Σⱼ pⱼ (log pⱼ − log qⱼ), row by row, between a
 * target distribution p and a model distribution q given by its log-probabilities (PyTorch's
 * {@code KLDivLoss}) or by its logits:
 *
 * <pre>
 *   from log-probabilities x = log q:  ℓ = Σⱼ pⱼ (log pⱼ − xⱼ)      ∂ℓ/∂xⱼ = −pⱼ
 *   from logits z, q = softmax(z):      ℓ = Σⱼ pⱼ (log pⱼ − log qⱼ)  ∂ℓ/∂zⱼ = qⱼ − pⱼ
 * </pre>
 *
 * <p>It differs from {@link CategoricalCrossEntropy} with soft targets by the entropy H(p) of the
 * targets only, a constant for the model: KL(p ‖ q) = H(p, q) − H(p) (S18, G7), so both have the
 * same gradient. Terms with pⱼ = 0 are 0 (0·log 0 = 0), whatever qⱼ; a qⱼ = 0 where pⱼ &gt; 0
 * costs +∞.
 *
 * <p><b>Reduction.</b> {@link Reduction#MEAN} divides the sum of the per-sample divergences by N,
 * which is PyTorch's {@code reduction='batchmean'}, the one that equals the mathematical mean
 * KL. PyTorch's {@code 'mean'} divides by N·C instead (and warns about it); to get that
 * number divide this MEAN by C. {@link LossResult#losses()} holds one divergence per sample
 * (PyTorch's {@code 'none'} keeps one per entry).
 *
 * @see org.softmaxcourse.info.KullbackLeibler the same quantity for one pair of distributions
 * @see <a href="https://pytorch.org/docs/stable/generated/torch.nn.KLDivLoss.html">torch.nn.KLDivLoss</a>
 */
public final class KlDivergenceLoss {
    private final boolean fromLogits;
    private final Reduction reduction;

    private KlDivergenceLoss(boolean fromLogits, Reduction reduction) {
        this.fromLogits = fromLogits;
        this.reduction = reduction;
    }

    /**
     * KL on log-probability rows log q (PyTorch's convention), averaged over the batch.
     *
     * @return the loss on log-probabilities, averaged over the batch
     */
    public static KlDivergenceLoss fromLogProbabilities() {
        return new KlDivergenceLoss(false, Reduction.MEAN);
    }

    /**
     * KL on logit rows (q = softmax(z)), averaged over the batch.
     *
     * @return the loss on logits, averaged over the batch
     */
    public static KlDivergenceLoss fromLogits() {
        return new KlDivergenceLoss(true, Reduction.MEAN);
    }

    /**
     * The same loss with another reduction.
     *
     * @param reduction how the per-sample losses are combined
     * @return the same loss with another reduction
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public KlDivergenceLoss withReduction(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction is null");
        }
        return new KlDivergenceLoss(fromLogits, reduction);
    }

    /**
     * Whether the input is a row of logits (true) or of log-probabilities (false).
     *
     * @return true for the logit form
     */
    public boolean isFromLogits() {
        return fromLogits;
    }

    /**
     * How the per-sample divergences are combined.
     *
     * @return the reduction
     */
    public Reduction reduction() {
        return reduction;
    }

    /**
     * KL(target ‖ q) for one sample.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @return KL(target ‖ q) for one sample
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public double loss(double[] input, double[] target) {
        Require.nonEmpty("input", input);
        Require.nonEmpty("target", target);
        return evaluate(Matrix.of(input), Matrix.of(target), Reduction.SUM).value();
    }

    /**
     * ∂KL/∂input for one sample.
     *
     * @param input the prediction (one per sample)
     * @param target the target (one per sample)
     * @return ∂KL/∂input for one sample
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public double[] gradient(double[] input, double[] target) {
        Require.nonEmpty("input", input);
        Require.nonEmpty("target", target);
        return evaluate(Matrix.of(input), Matrix.of(target), Reduction.SUM).gradient().data();
    }

    /**
     * Per-sample divergences, reduced value and gradient for a batch, one row per sample.
     *
     * @param input the prediction (one per sample)
     * @param targets one target distribution per row
     * @return per-sample divergences, reduced value and gradient for a batch, one row per sample
     */
    public LossResult<Matrix> evaluate(Matrix input, Matrix targets) {
        return evaluate(input, targets, reduction);
    }

    /**
     * The reduced loss of a batch.
     *
     * @param input the prediction (one per sample)
     * @param targets one target distribution per row
     * @return the reduced loss of a batch
     */
    public double loss(Matrix input, Matrix targets) {
        return evaluate(input, targets).value();
    }

    /**
     * ∂(reduced loss)/∂input.
     *
     * @param input the prediction (one per sample)
     * @param targets one target distribution per row
     * @return ∂(reduced loss)/∂input
     */
    public Matrix gradient(Matrix input, Matrix targets) {
        return evaluate(input, targets).gradient();
    }

    private LossResult<Matrix> evaluate(Matrix input, Matrix targets, Reduction how) {
        String in = fromLogits ? "z" : "logQ";
        Require.nonEmpty(in, input);
        Require.noNaN(in, input);
        Require.nonEmpty("targets", targets);
        Require.sameShape(in, input, "targets", targets);
        Require.distributions("targets", targets);
        int n = input.rows();
        int c = input.cols();
        double[] x = input.data();
        if (!fromLogits) {
            for (int k = 0; k < x.length; k++) {
                if (x[k] > 0) {
                    throw new IllegalArgumentException("logQ[" + k / c + "][" + k % c + "] = " + x[k]
                            + " is not a log-probability: it must be at most 0");
                }
            }
        }
        double scale = how == Reduction.MEAN ? 1.0 / n : 1.0;
        double[] p = targets.data();
        double[] losses = new double[n];
        double[] grad = new double[n * c];
        double[] logQ = new double[c];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int from = i * c;
            if (fromLogits) {
                System.arraycopy(x, from, logQ, 0, c);
                boolean finiteSomewhere = false;
                for (double v : logQ) {
                    finiteSomewhere |= v > Double.NEGATIVE_INFINITY;
                }
                if (!finiteSomewhere) {
                    throw new IllegalArgumentException("z row " + i + " is all −∞: softmax of it is undefined (0/0)");
                }
                SoftmaxKernels.logSoftmaxRow(logQ, 0, c, logQ);
            } else {
                System.arraycopy(x, from, logQ, 0, c);
            }
            double l = 0;
            double mass = 0;
            for (int j = 0; j < c; j++) {
                double pj = p[from + j];
                mass += pj;
                if (pj != 0) {
                    l += pj * (Math.log(pj) - logQ[j]);
                }
            }
            for (int j = 0; j < c; j++) {
                // From logits: ∂/∂zⱼ = qⱼ·Σp − pⱼ, which is qⱼ − pⱼ when p sums to 1 exactly.
                grad[from + j] = scale * (fromLogits ? Math.exp(logQ[j]) * mass - p[from + j] : -p[from + j]);
            }
            losses[i] = l;
            sum += l;
        }
        return new LossResult<>(losses, sum * scale, Matrix.wrap(n, c, grad), how);
    }

    @Override
    public String toString() {
        return "KlDivergenceLoss(from " + (fromLogits ? "logits" : "log-probabilities") + ", reduction " + reduction + ")";
    }
}
