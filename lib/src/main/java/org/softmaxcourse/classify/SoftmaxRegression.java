package org.softmaxcourse.classify;

import java.util.Arrays;
import org.softmaxcourse.internal.kernel.SoftmaxKernels;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * Softmax regression (multinomial logistic regression): C linear scores turned into one
 * probability per class by the softmax,
 *
 * <pre>
 *   z = xW + b  (W is d × C, b has C entries),   P(y = c | x) = softmax(z)_c = e^(z_c) / Σⱼ e^(zⱼ),
 *   ŷ = argmax_c z_c
 * </pre>
 *
 * <p>trained by minimising the mean categorical cross-entropy plus an optional L2 penalty,
 * J(W, b) = (1/n) Σᵢ CE(zᵢ, yᵢ) + (λ/2)‖W‖², whose gradient is ∇_W J = (1/n) Xᵀ(P − Y) + λW and
 * ∇_b J = (1/n) Σᵢ (pᵢ − yᵢ), Y the one-hot labels. The loss and ∂ℓ/∂z = p − y come from {@link
 * CategoricalCrossEntropy#fromLogits()}.
 *
 * <p>Every input gets exactly one class: the probabilities sum to 1, so there is no region that
 * no class claims or several claim (compare {@link OneVsRest} and {@link OneVsOne}). Instances
 * are immutable.
 */
public final class SoftmaxRegression implements DecisionRule {
    private static final CategoricalCrossEntropy CCE = CategoricalCrossEntropy.fromLogits();

    private final int features;
    private final int classes;
    private final double[] weights; // d × C, row-major
    private final double[] biases;
    private final double l2;
    private final TrainingHistory history;

    private SoftmaxRegression(int features, int classes, double[] weights, double[] biases, double l2,
                              TrainingHistory history) {
        this.features = features;
        this.classes = classes;
        this.weights = weights;
        this.biases = biases;
        this.l2 = l2;
        this.history = history;
    }

    /**
     * Trains by gradient descent from W = 0, b = 0.
     *
     * @param x       n × d features (standardised)
     * @param y       n labels in {@code 0 .. classes − 1}, every class present
     * @param classes C ≥ 2
     * @param options learning rate, epochs, batch size, λ and seed
     * @return the trained model
     */
    public static SoftmaxRegression fit(Matrix x, int[] y, int classes, TrainingOptions options) {
        return fit(x, y, classes, options, null, null);
    }

    /**
     * As {@link #fit(Matrix, int[], int, TrainingOptions)}, also measuring loss and accuracy on
     * validation data after every epoch (it takes no part in training).
     *
     * @param x one sample per row, one column per feature
     * @param y one label per row
     * @param classes the number of classes C, at least 2
     * @param options learning rate, epochs, batch size, λ and seed
     * @param validationX validation samples, one per row
     * @param validationY their labels
     * @return the trained model, its history with validation loss and accuracy
     */
    public static SoftmaxRegression fit(Matrix x, int[] y, int classes, TrainingOptions options,
                                        Matrix validationX, int[] validationY) {
        Checks.trainingData(x, y, classes);
        LogisticRegression.requireOptions(options);
        Checks.validationData(validationX, validationY, x.cols(), classes);
        LinearTrainer.Result r = LinearTrainer.train("softmax regression", x, y, classes, LinearTrainer.SOFTMAX,
                options, validationX, validationY);
        return new SoftmaxRegression(x.cols(), classes, r.weights(), r.biases(), options.l2(), r.history());
    }

    /**
     * A model with the given parameters: {@code weights} is d × C, {@code biases} has C entries.
     *
     * @param weights W, d × C
     * @param biases b, one per class
     * @return a model with the given parameters: {@code weights} is d × C, {@code biases} has C entries
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static SoftmaxRegression of(Matrix weights, double[] biases) {
        Require.nonEmpty("weights", weights);
        Checks.finite("weights", weights);
        Require.nonEmpty("biases", biases);
        if (biases.length != weights.cols()) {
            throw new IllegalArgumentException("shape mismatch: weights is " + weights.shape()
                    + " (features × classes) but biases has " + biases.length + " entries");
        }
        if (weights.cols() < 2) {
            throw new IllegalArgumentException("weights is " + weights.shape() + ": softmax needs at least 2 classes");
        }
        for (int c = 0; c < biases.length; c++) {
            if (!Double.isFinite(biases[c])) {
                throw new IllegalArgumentException("biases[" + c + "] = " + biases[c] + " must be finite");
            }
        }
        return new SoftmaxRegression(weights.rows(), weights.cols(), weights.data().clone(), biases.clone(), 0.0, null);
    }

    /**
     * W, d × C: column c holds the weights of class c's score.
     *
     * @return W, d × C: column c holds the weights of class c's score
     */
    public Matrix weights() {
        return Matrix.wrap(features, classes, weights.clone());
    }

    /**
     * b, one per class.
     *
     * @return b, one per class
     */
    public double[] biases() {
        return biases.clone();
    }

    /**
     * The number of features d.
     *
     * @return the number of features d
     */
    public int features() {
        return features;
    }

    @Override
    public int classes() {
        return classes;
    }

    /**
     * The λ it was trained with (0 for {@link #of}).
     *
     * @return the λ it was trained with (0 for {@link #of})
     */
    public double l2() {
        return l2;
    }

    /**
     * Whether the model was trained (and so has a history), rather than built by {@link #of}.
     *
     * @return whether the model was trained (and so has a history), rather than built by {@link #of}
     */
    public boolean isTrained() {
        return history != null;
    }

    /**
     * Loss and accuracy by epoch.
     *
     * @return the history, one entry per epoch
     * @throws IllegalStateException if the model was built by {@link #of}, not trained
     */
    public TrainingHistory history() {
        if (history == null) {
            throw new IllegalStateException("this model was built from given parameters, not trained");
        }
        return history;
    }

    /**
     * The logits z = xW + b, n × C.
     *
     * @param x one sample per row, one column per feature
     * @return the logits z = xW + b, n × C
     */
    public Matrix logits(Matrix x) {
        Checks.input("x", x, features);
        double[] z = new double[x.rows() * classes];
        LinearTrainer.forward(x.data(), x.rows(), features, weights, biases, classes, z);
        return Matrix.wrap(x.rows(), classes, z);
    }

    /**
     * softmax(xW + b), n × C; each row sums to 1.
     *
     * @param x one sample per row, one column per feature
     * @return softmax(xW + b), n × C; each row sums to 1
     */
    public Matrix probabilities(Matrix x) {
        Matrix z = logits(x);
        double[] p = z.data();
        for (int i = 0; i < z.rows(); i++) {
            SoftmaxKernels.softmaxRow(p, i * classes, classes, p);
        }
        return z;
    }

    /**
     * The most probable class of each row (the first on an exact tie).
     *
     * @param x one sample per row, one column per feature
     * @return the most probable class of each row (the first on an exact tie)
     */
    public int[] predict(Matrix x) {
        return logits(x).argmaxPerRow();
    }

    /** Every row {@link Outcome#DECIDED}: softmax always names one class. */
    @Override
    public Decisions decide(Matrix x) {
        int[] labels = predict(x);
        Outcome[] outcomes = new Outcome[labels.length];
        Arrays.fill(outcomes, Outcome.DECIDED);
        return new Decisions(name(), classes, labels, outcomes, labels);
    }

    @Override
    public String name() {
        return "softmax";
    }

    /**
     * The mean categorical cross-entropy (1/n) Σ CE(zᵢ, yᵢ).
     *
     * @param x one sample per row, one column per feature
     * @param y one label per row
     * @return the mean categorical cross-entropy (1/n) Σ CE(zᵢ, yᵢ)
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public double loss(Matrix x, int[] y) {
        Matrix z = logits(x);
        Require.nonEmpty("y", y);
        Require.oneLabelPerRow("x", x, "y", y);
        Require.labels("y", y, classes);
        return CCE.loss(z, y);
    }

    /**
     * The regularised cost J = loss + (λ/2)‖W‖² with the given λ.
     *
     * @param x one sample per row, one column per feature
     * @param y one label per row
     * @param l2 λ, finite and at least 0
     * @return the regularised cost J = loss + (λ/2)‖W‖² with the given λ
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public double cost(Matrix x, int[] y, double l2) {
        if (!(l2 >= 0 && l2 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("l2 = " + l2 + " must be finite and at least 0");
        }
        return loss(x, y) + LinearTrainer.penalty(weights, l2);
    }

    /** E.g. {@code SoftmaxRegression(64 features → 10 classes, λ = 0, trained 30 epochs, final epoch 30: …)}. */
    @Override
    public String toString() {
        return "SoftmaxRegression(" + features + (features == 1 ? " feature" : " features") + " → " + classes
                + " classes, λ = " + Matrix.format(l2)
                + (history == null ? ", given parameters" : ", trained " + (history.size() - 1) + " epochs, final "
                + history.last()) + ")";
    }
}
