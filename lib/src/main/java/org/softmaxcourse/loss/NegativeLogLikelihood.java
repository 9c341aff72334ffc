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
    private final double[] classWeights;
    private final boolean ignoring;
    private final int ignoreIndex;

    private NegativeLogLikelihood(Reduction reduction, double[] classWeights, boolean ignoring, int ignoreIndex) {
        this.reduction = reduction;
        this.classWeights = classWeights;
        this.ignoring = ignoring;
        this.ignoreIndex = ignoreIndex;
    }

    /** NLL averaged over the batch, every class of weight 1, nothing ignored. */
    public static NegativeLogLikelihood create() {
        return new NegativeLogLikelihood(Reduction.MEAN, null, false, 0);
    }

    /** The same loss with another reduction. */
    public NegativeLogLikelihood withReduction(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction is null");
        }
        return new NegativeLogLikelihood(reduction, classWeights, ignoring, ignoreIndex);
    }

    /** The same loss with class weights (one per class, finite and ≥ 0). */
    public NegativeLogLikelihood withClassWeights(double... weights) {
        Require.nonEmpty("classWeights", weights);
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] >= 0 && weights[j] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("classWeights[" + j + "] = " + weights[j]
                        + " must be finite and at least 0");
            }
        }
        return new NegativeLogLikelihood(reduction, weights.clone(), ignoring, ignoreIndex);
    }

    /** The same loss ignoring every sample whose label is {@code label}. */
    public NegativeLogLikelihood withIgnoreIndex(int label) {
        return new NegativeLogLikelihood(reduction, classWeights, true, label);
    }

    public Reduction reduction() {
        return reduction;
    }

    /** The ignored label, if one is set. */
    public OptionalInt ignoreIndex() {
        return ignoring ? OptionalInt.of(ignoreIndex) : OptionalInt.empty();
    }

    /** ℓ = −w<sub>label</sub>·logP[label] for one sample. */
    public double loss(double[] logP, int label) {
        Require.nonEmpty("logP", logP);
        return evaluate(Matrix.of(logP), new int[] {label}, Reduction.SUM).value();
    }

    /** Per-sample losses, reduced value and gradient for a batch, one row per sample. */
    public LossResult<Matrix> evaluate(Matrix logP, int[] labels) {
        return evaluate(logP, labels, reduction);
    }

    /** The reduced loss of a batch. */
    public double loss(Matrix logP, int[] labels) {
        return evaluate(logP, labels).value();
    }

    /** ∂(reduced loss)/∂logP. */
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
        if (classWeights != null && classWeights.length != c) {
            throw new IllegalArgumentException("shape mismatch: classWeights has " + classWeights.length
                    + " entries but logP is " + logP.shape() + " (" + c + " classes)");
        }
        int n = logP.rows();
        double denominator = 0;
        for (int i = 0; i < n; i++) {
            if (ignoring && labels[i] == ignoreIndex) {
                continue;
            }
            if (labels[i] < 0 || labels[i] >= c) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " is not a class label: with "
                        + c + " classes labels run from 0 to " + (c - 1)
                        + (ignoring ? " (or " + ignoreIndex + ", the ignored label)" : ""));
            }
            denominator += weight(labels[i]);
        }
        if (how == Reduction.MEAN && denominator == 0) {
            throw new IllegalArgumentException("the mean is over no weight: every sample is ignored or of a class "
                    + "of weight 0; use Reduction.SUM for such a batch");
        }
        double scale = how == Reduction.MEAN ? 1.0 / denominator : 1.0;
        double[] losses = new double[n];
        double[] grad = new double[n * c];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (ignoring && labels[i] == ignoreIndex) {
                continue;
            }
            double w = weight(labels[i]);
            if (w != 0) {
                losses[i] = -w * x[i * c + labels[i]];
                grad[i * c + labels[i]] = -w * scale;
            }
            sum += losses[i];
        }
        return new LossResult<>(losses, Reduction.scaled(sum, losses, scale), Matrix.wrap(n, c, grad), how);
    }

    private double weight(int j) {
        return classWeights == null ? 1.0 : classWeights[j];
    }

    @Override
    public String toString() {
        return "NegativeLogLikelihood(" + (classWeights == null ? "" : "class weights " + Arrays.toString(classWeights) + ", ")
                + (ignoring ? "ignored label " + ignoreIndex + ", " : "") + "reduction " + reduction + ")";
    }
}
