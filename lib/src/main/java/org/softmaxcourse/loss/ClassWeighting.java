package org.softmaxcourse.loss;

import java.util.OptionalInt;
import org.softmaxcourse.numeric.Matrix;

/**
 * The one weighting rule of the losses over integer labels ({@link CategoricalCrossEntropy},
 * {@link NegativeLogLikelihood}), as in PyTorch: a sample of class k counts wₖ times (every
 * wₖ = 1 unless class weights are set), a sample whose label is the ignored label counts 0 times,
 * and {@link Reduction#MEAN} divides by the total weight Σₙ w<sub>kₙ</sub> of the samples not
 * ignored. The check of the weights themselves, finite and at least 0, is also the check of the
 * per-sample weights of {@link PointwiseLoss}.
 *
 * <p>Immutable; a copy of the weights is kept.
 */
final class ClassWeighting {
    /** Every class weighs 1 and no label is ignored. */
    static final ClassWeighting NONE = new ClassWeighting(null, false, 0);

    /** Class weights, or null for all 1. */
    private final double[] weights;
    private final boolean ignoring;
    private final int ignoreIndex;

    private ClassWeighting(double[] weights, boolean ignoring, int ignoreIndex) {
        this.weights = weights;
        this.ignoring = ignoring;
        this.ignoreIndex = ignoreIndex;
    }

    /**
     * Checks weights: not empty, each finite and at least 0.
     *
     * @throws IllegalArgumentException naming {@code name}, the index and the value of the first bad weight
     */
    static void requireWeights(String name, double[] weights) {
        org.softmaxcourse.numeric.Require.nonEmpty(name, weights);
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] >= 0 && weights[j] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(name + "[" + j + "] = " + weights[j]
                        + " must be finite and at least 0");
            }
        }
    }

    /** This rule with class weights (checked and copied). */
    ClassWeighting withClassWeights(double[] classWeights) {
        requireWeights("classWeights", classWeights);
        return new ClassWeighting(classWeights.clone(), ignoring, ignoreIndex);
    }

    /** This rule ignoring every sample whose label is {@code label}. */
    ClassWeighting withIgnoreIndex(int label) {
        return new ClassWeighting(weights, true, label);
    }

    /** wⱼ, the weight of class j. */
    double weight(int j) {
        return weights == null ? 1.0 : weights[j];
    }

    /** Whether a sample with this label is ignored. */
    boolean ignores(int label) {
        return ignoring && label == ignoreIndex;
    }

    /** Whether every sample weighs 1: no class weights, no ignored label. */
    boolean isUniform() {
        return weights == null && !ignoring;
    }

    /** A copy of the class weights, or null when every class weighs 1. */
    double[] classWeights() {
        return weights == null ? null : weights.clone();
    }

    /** The ignored label, if one is set. */
    OptionalInt ignoreIndex() {
        return ignoring ? OptionalInt.of(ignoreIndex) : OptionalInt.empty();
    }

    /** Rejects class weights whose count is not the number of columns of {@code input}. */
    void checkClassCount(String name, Matrix input) {
        if (weights != null && weights.length != input.cols()) {
            throw new IllegalArgumentException("shape mismatch: classWeights has " + weights.length
                    + " entries but " + name + " is " + input.shape() + " (" + input.cols() + " classes)");
        }
    }

    /** Rejects the first label that is neither a class of {@code c} nor the ignored label. */
    void checkLabels(int[] labels, int c) {
        for (int i = 0; i < labels.length; i++) {
            if (!ignores(labels[i]) && (labels[i] < 0 || labels[i] >= c)) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " is not a class label: with "
                        + c + " classes labels run from 0 to " + (c - 1)
                        + (ignoring ? " (or " + ignoreIndex + ", the ignored label)" : ""));
            }
        }
    }

    /**
     * The factor each sample's gradient carries under {@code how}: 1/Σₙ w<sub>kₙ</sub> for MEAN
     * (the labels checked first), 1 otherwise.
     */
    double scale(Reduction how, int[] labels, int c) {
        int n = labels.length;
        if (isUniform()) {
            // Every sample weighs 1: the weighted mean is the plain mean. The labels are left to
            // the caller, whose kernel may check them on the way.
            return scale(how, n, n);
        }
        checkLabels(labels, c);
        double denominator = 0;
        for (int i = 0; i < n; i++) {
            if (!ignores(labels[i])) {
                denominator += weight(labels[i]);
            }
        }
        return scale(how, denominator, n);
    }

    /** 1/denominator for MEAN, 1 otherwise; a mean over no weight is rejected (0/0). */
    double scale(Reduction how, double denominator, int n) {
        if (how != Reduction.MEAN) {
            return 1.0;
        }
        if (denominator == 0) {
            throw new IllegalArgumentException("the mean is over no weight: "
                    + (ignoring ? "every label of the " + n + " samples is the ignored label " + ignoreIndex
                    + " or a class of weight 0" : "every sample's class has weight 0")
                    + "; use Reduction.SUM for such a batch");
        }
        return 1.0 / denominator;
    }
}
