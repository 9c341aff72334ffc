package org.softmaxcourse.loss;

import java.util.Arrays;
import java.util.OptionalInt;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * The negative log-likelihood loss on log-probabilities (PyTorch's {@code NLLLoss}):
 * ℓₙ = −w<sub>kₙ</sub>·xₙ,<sub>kₙ</sub> for a row xₙ of log-probabilities (typically the output of
 * {@link org.softmaxcourse.activation.Softmax#logSoftmax(Matrix) log-softmax}) and integer label
 * kₙ, with ∂ℓₙ/∂xₙⱼ = −w<sub>kₙ</sub>·[j = kₙ].
 *
 * <p>NLL after log-softmax is exactly {@link CategoricalCrossEntropy#fromLogits()}; splitting the
 * two shows where the "cross-entropy" of a classifier comes from: the log-likelihood of the
 * labels (S12, S14).
 *
 * <p>Class weights wⱼ (default 1) and an ignored label follow PyTorch: {@link Reduction#MEAN}
 * divides the sum by Σₙ w<sub>kₙ</sub> over the samples not ignored; an ignored sample costs 0
 * and gets no gradient; a mean over no weight is rejected rather than returned as NaN.
 *
 * <p>Inputs must be log-probabilities: not NaN and ≤ 0 (−∞ allowed, which costs +∞ when it is the
 * true class). Whether each row's probabilities sum to 1 is not checked, as in PyTorch.
 *
 * @see CategoricalCrossEntropy
 * @see <a href="https://pytorch.org/docs/stable/generated/torch.nn.NLLLoss.html">torch.nn.NLLLoss</a>
 */
public final class NegativeLogLikelihood {
    private final Reduction reduction;
    private final ClassWeighting weighting;

    private NegativeLogLikelihood(Reduction reduction, ClassWeighting weighting) {
        this.reduction = reduction;
        this.weighting = weighting;
    }

    /**
     * NLL averaged over the batch, every class of weight 1, nothing ignored.
     *
     * @return the loss with the default settings
     */
    public static NegativeLogLikelihood create() {
        return new NegativeLogLikelihood(Reduction.MEAN, ClassWeighting.NONE);
    }

    /**
     * The same loss with another reduction.
     *
     * @param reduction how the per-sample losses are combined
     * @return a new loss
     * @throws IllegalArgumentException if {@code reduction} is null
     */
    public NegativeLogLikelihood withReduction(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction is null");
        }
        return new NegativeLogLikelihood(reduction, weighting);
    }

    /**
     * The same loss with class weights.
     *
     * @param weights one weight per class, each finite and at least 0 (copied)
     * @return a new loss
     * @throws IllegalArgumentException if {@code weights} is empty or a weight is negative, infinite or NaN
     */
    public NegativeLogLikelihood withClassWeights(double... weights) {
        return new NegativeLogLikelihood(reduction, weighting.withClassWeights(weights));
    }

    /**
     * The same loss ignoring every sample whose label is {@code label}.
     *
     * @param label the label to ignore
     * @return a new loss
     */
    public NegativeLogLikelihood withIgnoreIndex(int label) {
        return new NegativeLogLikelihood(reduction, weighting.withIgnoreIndex(label));
    }

    /**
     * How the per-sample losses are combined.
     *
     * @return the reduction
     */
    public Reduction reduction() {
        return reduction;
    }

    /**
     * The ignored label.
     *
     * @return the ignored label, if one is set
     */
    public OptionalInt ignoreIndex() {
        return weighting.ignoreIndex();
    }

    /**
     * ℓ = −w<sub>label</sub>·logP[label] for one sample.
     *
     * @param logP log-probabilities, one row per sample (or one row)
     * @param label the sample's true class
     * @return ℓ = −w<sub>label</sub>·logP[label] for one sample
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public double loss(double[] logP, int label) {
        Require.nonEmpty("logP", logP);
        return evaluate(Matrix.of(logP), new int[] {label}, Reduction.SUM).value();
    }

    /**
     * Per-sample losses, reduced value and gradient for a batch, one row per sample.
     *
     * @param logP log-probabilities, one row per sample (or one row)
     * @param labels one true class per row
     * @return per-sample losses, reduced value and gradient for a batch, one row per sample
     */
    public LossResult<Matrix> evaluate(Matrix logP, int[] labels) {
        return evaluate(logP, labels, reduction);
    }

    /**
     * The reduced loss of a batch.
     *
     * @param logP log-probabilities, one row per sample (or one row)
     * @param labels one true class per row
     * @return the reduced loss of a batch
     */
    public double loss(Matrix logP, int[] labels) {
        return evaluate(logP, labels).value();
    }

    /**
     * ∂(reduced loss)/∂logP.
     *
     * @param logP log-probabilities, one row per sample (or one row)
     * @param labels one true class per row
     * @return ∂(reduced loss)/∂logP
     */
    public Matrix gradient(Matrix logP, int[] labels) {
        return evaluate(logP, labels).gradient();
    }

    private LossResult<Matrix> evaluate(Matrix logP, int[] labels, Reduction how) {
        Require.nonEmpty("logP", logP);
        double[] x = logP.data();
        int c = logP.cols();
        for (int k = 0; k < x.length; k++) {
            if (!(x[k] <= 0)) {
                throw new IllegalArgumentException("logP[" + k / c + "][" + k % c + "] = " + x[k]
                        + " is not a log-probability: it must be at most 0");
            }
        }
        Require.nonEmpty("labels", labels);
        Require.oneLabelPerRow("logP", logP, "labels", labels);
        weighting.checkClassCount("logP", logP);
        weighting.checkLabels(labels, c);
        int n = logP.rows();
        double scale = weighting.scale(how, labels, c);
        double[] losses = new double[n];
        double[] grad = new double[n * c];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (weighting.ignores(labels[i])) {
                continue;
            }
            double w = weighting.weight(labels[i]);
            if (w != 0) {
                losses[i] = -w * x[i * c + labels[i]];
                grad[i * c + labels[i]] = -w * scale;
            }
            sum += losses[i];
        }
        return new LossResult<>(losses, sum * scale, Matrix.wrap(n, c, grad), how);
    }

    @Override
    public String toString() {
        double[] w = weighting.classWeights();
        return "NegativeLogLikelihood(" + (w == null ? "" : "class weights " + Arrays.toString(w) + ", ")
                + weighting.ignoreIndex().stream().mapToObj(k -> "ignored label " + k + ", ").findFirst().orElse("")
                + "reduction " + reduction + ")";
    }
}
