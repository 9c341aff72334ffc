package org.softmaxcourse.classify;

import java.util.Locale;
import org.softmaxcourse.numeric.Require;

/**
 * How a model is trained by gradient descent on the regularised cost
 *
 * <pre>
 *   J(W, b) = (1/n) Σᵢ ℓ(xᵢ, yᵢ; W, b) + (λ/2)‖W‖²          (the biases b are not penalised)
 *   W ← W − η ∇_W J,   b ← b − η ∇_b J
 * </pre>
 *
 * <p>where ℓ is the cross-entropy of the model (binary from logits for logistic regression,
 * categorical from logits for softmax regression), η the learning rate and λ the L2 strength.
 * With {@link #FULL_BATCH} each epoch is one step on all n samples; with a batch size B it is
 * ⌈n / B⌉ steps on consecutive slices of a fresh shuffle, each step taking the mean over its
 * slice (plus the same λ term), which is stochastic gradient descent on the same J.
 *
 * <p>Parameters start at zero (the cost is convex, so no random start is needed); the seed drives
 * only the mini-batch shuffle, so training is deterministic: the same data and options give the
 * same model to the last bit.
 *
 * <p><b>scikit-learn's C.</b> scikit-learn minimises C Σᵢ ℓᵢ + ½‖W‖². Dividing by C·n gives J
 * with λ = 1 / (C·n), n the number of training samples: the same minimiser. See {@link
 * #l2FromSklearnC(double, int)}.
 *
 * @param learningRate η &gt; 0
 * @param epochs       passes over the training data, at least 1
 * @param batchSize    samples per step, or {@link #FULL_BATCH} (0) for all of them
 * @param l2           λ ≥ 0
 * @param seed         seed of the mini-batch shuffle
 */
public record TrainingOptions(double learningRate, int epochs, int batchSize, double l2, long seed) {

    /** The batch size that means "all samples in every step". */
    public static final int FULL_BATCH = 0;

    /**
     * Checks the options.
     *
     * @param learningRate η &gt; 0
     * @param epochs       passes over the training data, at least 1
     * @param batchSize    samples per step, or {@link #FULL_BATCH}
     * @param l2           λ ≥ 0
     * @param seed         seed of the mini-batch shuffle
     * @throws IllegalArgumentException if an option is out of range (the message names it and its value)
     */
    public TrainingOptions {
        Require.positiveFinite("learningRate", learningRate);
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs = " + epochs
                    + " must be at least 1: a model trained for no epochs has learned nothing");
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize = " + batchSize
                    + " must be at least 1, or FULL_BATCH (0) for all samples");
        }
        if (!(l2 >= 0 && l2 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("l2 = " + l2 + " must be finite and at least 0");
        }
    }

    /**
     * η = 0.1, 100 epochs, full batch, no L2, seed 0.
     *
     * @return η = 0.1, 100 epochs, full batch, no L2, seed 0
     */
    public static TrainingOptions defaults() {
        return new TrainingOptions(0.1, 100, FULL_BATCH, 0.0, 0L);
    }

    /**
     * The same options with another learning rate.
     *
     * @param learningRate η, finite and greater than 0
     * @return new options
     * @throws IllegalArgumentException if {@code learningRate} is out of range
     */
    public TrainingOptions withLearningRate(double learningRate) {
        return new TrainingOptions(learningRate, epochs, batchSize, l2, seed);
    }

    /**
     * The same options with another number of epochs.
     *
     * @param epochs the number of epochs, at least 1
     * @return new options
     * @throws IllegalArgumentException if {@code epochs} is out of range
     */
    public TrainingOptions withEpochs(int epochs) {
        return new TrainingOptions(learningRate, epochs, batchSize, l2, seed);
    }

    /**
     * Mini-batches of {@code batchSize} samples ({@link #FULL_BATCH} for full batch).
     *
     * @param batchSize the samples per step, at least 1, or {@link #FULL_BATCH}
     * @return new options
     * @throws IllegalArgumentException if {@code batchSize} is negative
     */
    public TrainingOptions withBatchSize(int batchSize) {
        return new TrainingOptions(learningRate, epochs, batchSize, l2, seed);
    }

    /**
     * The same options with full-batch steps.
     *
     * @return new options
     */
    public TrainingOptions fullBatch() {
        return withBatchSize(FULL_BATCH);
    }

    /**
     * The same options with another L2 strength.
     *
     * @param l2 λ, finite and at least 0
     * @return new options
     * @throws IllegalArgumentException if {@code l2} is out of range
     */
    public TrainingOptions withL2(double l2) {
        return new TrainingOptions(learningRate, epochs, batchSize, l2, seed);
    }

    /**
     * The same options with another seed.
     *
     * @param seed the seed of the mini-batch shuffle
     * @return new options
     */
    public TrainingOptions withSeed(long seed) {
        return new TrainingOptions(learningRate, epochs, batchSize, l2, seed);
    }

    /**
     * Whether every step uses all samples.
     *
     * @return whether every step uses all samples
     */
    public boolean isFullBatch() {
        return batchSize == FULL_BATCH;
    }

    /**
     * The λ of this library that corresponds to scikit-learn's {@code C} for {@code
     * trainingSamples} training samples: λ = 1 / (C·n).
     *
     * @param c scikit-learn's C, finite and greater than 0
     * @param trainingSamples the number n of training samples, at least 1
     * @return λ = 1 / (C·n)
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double l2FromSklearnC(double c, int trainingSamples) {
        Require.positiveFinite("c", c);
        if (trainingSamples < 1) {
            throw new IllegalArgumentException("trainingSamples = " + trainingSamples + " must be at least 1");
        }
        return 1.0 / (c * trainingSamples);
    }

    /** E.g. {@code TrainingOptions(η = 0.1, 100 epochs, mini-batches of 32, λ = 0.001, seed 7)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TrainingOptions(η = %s, %d epoch%s, %s, λ = %s, seed %d)",
                num(learningRate), epochs, epochs == 1 ? "" : "s",
                isFullBatch() ? "full batch" : "mini-batches of " + batchSize, num(l2), seed);
    }

    private static String num(double x) {
        return org.softmaxcourse.numeric.Matrix.format(x);
    }
}
