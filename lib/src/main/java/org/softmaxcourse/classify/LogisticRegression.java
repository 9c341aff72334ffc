package org.softmaxcourse.classify;

import java.util.Arrays;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * Binary logistic regression: a linear score passed through the sigmoid and read as the
 * probability of class 1,
 *
 * <pre>
 *   z = wᵀx + b,   P(y = 1 | x) = σ(z) = 1 / (1 + e^(−z)),   ŷ = 1 if σ(z) ≥ 0.5 else 0
 * </pre>
 *
 * <p>trained by minimising the mean binary cross-entropy plus an optional L2 penalty,
 * J(w, b) = (1/n) Σᵢ BCE(zᵢ, yᵢ) + (λ/2)‖w‖², whose gradient is ∇_w J = (1/n) Xᵀ(σ(z) − y) + λw
 * and ∂J/∂b = (1/n) Σᵢ (σ(zᵢ) − yᵢ). The loss and ∂ℓ/∂z come from {@link BinaryCrossEntropy}.
 *
 * <p>Two ways to train: {@link #fit(Matrix, int[], TrainingOptions)}, gradient descent (full batch
 * or mini-batch, as the course teaches), and {@link #fitNewton(Matrix, int[], double)}, Newton's
 * method on the same J, which reaches the exact optimum in a dozen steps and is what the
 * scikit-learn comparison uses.
 *
 * <p>Instances are immutable.
 */
public final class LogisticRegression {
    private static final BinaryCrossEntropy BCE = BinaryCrossEntropy.fromLogits();

    private final double[] weights;
    private final double bias;
    private final double l2;
    private final TrainingHistory history;

    LogisticRegression(double[] weights, double bias, double l2, TrainingHistory history) {
        this.weights = weights;
        this.bias = bias;
        this.l2 = l2;
        this.history = history;
    }

    /**
     * Trains by gradient descent from w = 0, b = 0.
     *
     * @param x n × d features (standardise them first: one learning rate must suit every weight)
     * @param y n labels, each 0 or 1, both present
     * @param options learning rate, epochs, batch size, λ and seed
     * @return the trained model
     */
    public static LogisticRegression fit(Matrix x, int[] y, TrainingOptions options) {
        return fit(x, y, options, null, null);
    }

    /**
     * As {@link #fit(Matrix, int[], TrainingOptions)}, also measuring loss and accuracy on
     * validation data after every epoch (it takes no part in training).
     *
     * @param x one sample per row, one column per feature
     * @param y one label per row
     * @param options learning rate, epochs, batch size, λ and seed
     * @param validationX validation samples, one per row
     * @param validationY their labels
     * @return the trained model, its history with validation loss and accuracy
     */
    public static LogisticRegression fit(Matrix x, int[] y, TrainingOptions options, Matrix validationX,
                                         int[] validationY) {
        Checks.trainingData(x, y, 2);
        requireOptions(options);
        Checks.validationData(validationX, validationY, x.cols(), 2);
        LinearTrainer.Result r = LinearTrainer.train("logistic regression", x, y, 1, LinearTrainer.BINARY, options,
                validationX, validationY);
        return new LogisticRegression(r.weights(), r.biases()[0], options.l2(), r.history());
    }


    /**
     * Minimises J(w, b) = (1/n) Σ BCE + (λ/2)‖w‖² with Newton's method: each step solves
     * H Δ = ∇J with the Hessian
     *
     * <pre>
     *   H = (1/n) X̃ᵀ diag(σ(zᵢ)(1 − σ(zᵢ))) X̃ + λ diag(1, …, 1, 0)      (X̃ = [X 1], the bias unpenalised)
     * </pre>
     *
     * <p>by Cholesky factorisation, then backtracks (halving the step) until J decreases by at
     * least a ten-thousandth of the predicted amount. J is strictly convex for λ &gt; 0, so this
     * converges quadratically to the unique optimum; it stops when a full step changes J by less
     * than 1e-15 relative or after {@value NewtonFit#MAX_STEPS} steps. The history has one entry
     * per Newton step.
     *
     * @param l2 λ &gt; 0: without a penalty the optimum of separable data lies at infinity
     * @param x one sample per row, one column per feature
     * @param y one label per row
     * @return the model at the optimum, its history one entry per Newton step
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static LogisticRegression fitNewton(Matrix x, int[] y, double l2) {
        Checks.trainingData(x, y, 2);
        Require.positiveFinite("l2", l2);
        return NewtonFit.fit(x, y, l2);
    }

    /**
     * A model with the given parameters, for experiments and comparisons (it was not trained, so
     * it has no {@link #history()}).
     *
     * @param weights w, one per feature
     * @param bias the bias b
     * @return a new, untrained model
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static LogisticRegression of(double[] weights, double bias) {
        Require.nonEmpty("weights", weights);
        for (int j = 0; j < weights.length; j++) {
            if (!Double.isFinite(weights[j])) {
                throw new IllegalArgumentException("weights[" + j + "] = " + weights[j] + " must be finite");
            }
        }
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("bias = " + bias + " must be finite");
        }
        return new LogisticRegression(weights.clone(), bias, 0.0, null);
    }

    /**
     * The weights w, one per feature.
     *
     * @return the weights w, one per feature
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The bias b.
     *
     * @return the bias b
     */
    public double bias() {
        return bias;
    }

    /**
     * The number of features d.
     *
     * @return the number of features d
     */
    public int features() {
        return weights.length;
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
     * Loss and accuracy by epoch (or by Newton step).
     *
     * @return the history, one entry per epoch or Newton step
     * @throws IllegalStateException if the model was built by {@link #of}, not trained
     */
    public TrainingHistory history() {
        if (history == null) {
            throw new IllegalStateException("this model was built from given parameters, not trained");
        }
        return history;
    }

    /**
     * The logits z = wᵀx + b, one per row: σ(z) is P(y = 1 | x).
     *
     * @param x one sample per row, one column per feature
     * @return a new array of one logit per row
     * @throws IllegalArgumentException if {@code x} is empty, has a non-finite entry or the wrong number of columns
     */
    public double[] logits(Matrix x) {
        Checks.input("x", x, weights.length);
        double[] theta = Arrays.copyOf(weights, weights.length + 1);
        theta[weights.length] = bias;
        return logits(x.data(), x.rows(), x.cols(), theta);
    }

    /**
     * P(y = 1 | x) = σ(wᵀx + b), one per row.
     *
     * @param x one sample per row, one column per feature
     * @return P(y = 1 | x) = σ(wᵀx + b), one per row
     */
    public double[] probabilities(Matrix x) {
        double[] z = logits(x);
        for (int i = 0; i < z.length; i++) {
            z[i] = Sigmoid.sigmoid(z[i]);
        }
        return z;
    }

    /**
     * The labels by the 0.5 threshold: 1 where σ(z) ≥ 0.5, else 0.
     *
     * @param x one sample per row, one column per feature
     * @return the labels by the 0.5 threshold: 1 where σ(z) ≥ 0.5, else 0
     */
    public int[] predict(Matrix x) {
        return predict(x, 0.5);
    }

    /**
     * The labels by another threshold: 1 where σ(z) ≥ {@code threshold}.
     *
     * @param x one sample per row, one column per feature
     * @param threshold the threshold, in [0, 1]
     * @return the labels by another threshold: 1 where σ(z) ≥ {@code threshold}
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public int[] predict(Matrix x, double threshold) {
        Require.probability("threshold", threshold);
        double[] p = probabilities(x);
        int[] labels = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            labels[i] = p[i] >= threshold ? 1 : 0;
        }
        return labels;
    }

    /**
     * The mean binary cross-entropy (1/n) Σ BCE(zᵢ, yᵢ) on {@code x}, {@code y}.
     *
     * @param x one sample per row, one column per feature
     * @param y one label per row
     * @return the mean binary cross-entropy (1/n) Σ BCE(zᵢ, yᵢ) on {@code x}, {@code y}
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public double loss(Matrix x, int[] y) {
        double[] z = logits(x);
        Require.nonEmpty("y", y);
        Require.oneLabelPerRow("x", x, "y", y);
        Require.labels("y", y, 2);
        double[] t = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            t[i] = y[i];
        }
        return BCE.loss(z, t);
    }

    /**
     * The regularised cost J = loss + (λ/2)‖w‖² with the given λ.
     *
     * @param x one sample per row, one column per feature
     * @param y one label per row
     * @param l2 λ, finite and at least 0
     * @return the regularised cost J = loss + (λ/2)‖w‖² with the given λ
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public double cost(Matrix x, int[] y, double l2) {
        if (!(l2 >= 0 && l2 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("l2 = " + l2 + " must be finite and at least 0");
        }
        return loss(x, y) + LinearTrainer.penalty(weights, l2);
    }

    /** E.g. {@code LogisticRegression(30 features, b = 0.3054, w = [-0.3793, …], λ = 0.002193, trained 10 Newton steps, final …)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LogisticRegression(").append(weights.length)
                .append(weights.length == 1 ? " feature" : " features").append(", b = ")
                .append(Matrix.format(bias)).append(", w = [");
        int shown = Math.min(weights.length, 6);
        for (int j = 0; j < shown; j++) {
            sb.append(j == 0 ? "" : ", ").append(Matrix.format(weights[j]));
        }
        if (weights.length > shown) {
            sb.append(", … ").append(weights.length - shown).append(" more");
        }
        sb.append("], λ = ").append(Matrix.format(l2));
        if (history != null) {
            sb.append(", trained ").append(history.size() - 1).append(' ').append(history.solver().steps())
                    .append(", final ").append(history.last());
        }
        return sb.append(')').toString();
    }

    // ---- kernels ------------------------------------------------------------------------------

    /** z = X θ[0..d) + θ[d], the logits. */
    static double[] logits(double[] x, int n, int d, double[] theta) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = theta[d];
            for (int j = 0; j < d; j++) {
                s += x[i * d + j] * theta[j];
            }
            z[i] = s;
        }
        return z;
    }

    static void requireOptions(TrainingOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options is null");
        }
    }
}
