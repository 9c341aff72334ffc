package org.softmaxcourse.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.loss.LossResult;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Newton;
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

    private LogisticRegression(double[] weights, double bias, double l2, TrainingHistory history) {
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
     */
    public static LogisticRegression fit(Matrix x, int[] y, TrainingOptions options) {
        return fit(x, y, options, null, null);
    }

    /**
     * As {@link #fit(Matrix, int[], TrainingOptions)}, also measuring loss and accuracy on
     * validation data after every epoch (it takes no part in training).
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

    /** The maximum number of Newton steps; from w = 0 it converges in about ten. */
    static final int NEWTON_MAX_STEPS = 50;

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
     * than 1e-15 relative or after {@value #NEWTON_MAX_STEPS} steps. The history has one entry
     * per Newton step.
     *
     * @param l2 λ &gt; 0: without a penalty the optimum of separable data lies at infinity
     */
    public static LogisticRegression fitNewton(Matrix x, int[] y, double l2) {
        Checks.trainingData(x, y, 2);
        Require.positiveFinite("l2", l2);
        int n = x.rows();
        int d = x.cols();
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            targets[i] = y[i];
        }
        List<Epoch> history = new ArrayList<>();
        double[] theta = Newton.minimise(t -> new NewtonPoint(x.data(), n, d, targets, t, l2), new double[d + 1],
                NEWTON_MAX_STEPS, (step, t, at) -> history.add(newtonEntry(step, at.loss, at.z, y, t, l2)));
        return new LogisticRegression(Arrays.copyOf(theta, d), theta[d], l2,
                new TrainingHistory("logistic regression (Newton)", Solver.NEWTON, history));
    }

    /** The regularised cost at θ = (w, b) with the scores and losses it came from. */
    private static final class NewtonPoint implements Newton.Point {
        private final double[] x;
        private final int n;
        private final int d;
        private final double[] theta;
        private final double l2;
        final double[] z;
        final LossResult<double[]> loss;
        private final double cost;

        NewtonPoint(double[] x, int n, int d, double[] targets, double[] theta, double l2) {
            this.x = x;
            this.n = n;
            this.d = d;
            this.theta = theta;
            this.l2 = l2;
            this.z = logits(x, n, d, theta);
            this.loss = BCE.evaluate(z, targets);
            this.cost = loss.value() + LinearTrainer.penalty(Arrays.copyOf(theta, d), l2);
        }

        @Override
        public double value() {
            return cost;
        }

        @Override
        public double[] gradient() {
            return LogisticRegression.gradient(x, n, d, loss.gradient(), theta, l2);
        }

        @Override
        public double[] hessian() {
            return LogisticRegression.hessian(x, n, d, z, l2);
        }
    }

    /**
     * A model with the given parameters, for experiments and comparisons (it was not trained, so
     * it has no {@link #history()}).
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

    /** The weights w, one per feature. */
    public double[] weights() {
        return weights.clone();
    }

    /** The bias b. */
    public double bias() {
        return bias;
    }

    /** The number of features d. */
    public int features() {
        return weights.length;
    }

    /** The λ it was trained with (0 for {@link #of}). */
    public double l2() {
        return l2;
    }

    /** Whether the model was trained (and so has a history), rather than built by {@link #of}. */
    public boolean isTrained() {
        return history != null;
    }

    /** Loss and accuracy by epoch (or by Newton step). */
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

    /** P(y = 1 | x) = σ(wᵀx + b), one per row. */
    public double[] probabilities(Matrix x) {
        double[] z = logits(x);
        for (int i = 0; i < z.length; i++) {
            z[i] = Sigmoid.sigmoid(z[i]);
        }
        return z;
    }

    /** The labels by the 0.5 threshold: 1 where σ(z) ≥ 0.5, else 0. */
    public int[] predict(Matrix x) {
        return predict(x, 0.5);
    }

    /** The labels by another threshold: 1 where σ(z) ≥ {@code threshold}. */
    public int[] predict(Matrix x, double threshold) {
        Require.probability("threshold", threshold);
        double[] p = probabilities(x);
        int[] labels = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            labels[i] = p[i] >= threshold ? 1 : 0;
        }
        return labels;
    }

    /** The mean binary cross-entropy (1/n) Σ BCE(zᵢ, yᵢ) on {@code x}, {@code y}. */
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

    /** The regularised cost J = loss + (λ/2)‖w‖² with the given λ. */
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
    private static double[] logits(double[] x, int n, int d, double[] theta) {
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

    /** ∇J: Xᵀg + λw and Σg, with g = ∂[(1/n) Σ BCE]/∂z from the loss. */
    private static double[] gradient(double[] x, int n, int d, double[] g, double[] theta, double l2) {
        double[] grad = new double[d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                grad[j] += x[i * d + j] * g[i];
            }
            grad[d] += g[i];
        }
        for (int j = 0; j < d; j++) {
            grad[j] += l2 * theta[j];
        }
        return grad;
    }

    /** H = (1/n) X̃ᵀ S X̃ + λ diag(1, …, 1, 0), S = diag(σ(z)σ(−z)), symmetric, row-major (d+1)². */
    private static double[] hessian(double[] x, int n, int d, double[] z, double l2) {
        int p = d + 1;
        double[] h = new double[p * p];
        double[] row = new double[p];
        row[d] = 1;
        for (int i = 0; i < n; i++) {
            // σ(z)σ(−z) rather than σ(1 − σ): keeps its digits when σ(z) is close to 1.
            double s = Sigmoid.sigmoid(z[i]) * Sigmoid.sigmoid(-z[i]) / n;
            System.arraycopy(x, i * d, row, 0, d);
            for (int a = 0; a < p; a++) {
                double sa = s * row[a];
                for (int c = 0; c <= a; c++) {
                    h[a * p + c] += sa * row[c];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < a; c++) {
                h[c * p + a] = h[a * p + c];
            }
        }
        for (int j = 0; j < d; j++) {
            h[j * p + j] += l2;
        }
        return h;
    }

    private static Epoch newtonEntry(int step, LossResult<double[]> r, double[] z, int[] y, double[] theta,
                                     double l2) {
        int correct = 0;
        for (int i = 0; i < z.length; i++) {
            if ((Sigmoid.sigmoid(z[i]) >= 0.5 ? 1 : 0) == y[i]) {
                correct++;
            }
        }
        double cost = r.value() + LinearTrainer.penalty(Arrays.copyOf(theta, theta.length - 1), l2);
        return new Epoch(step, r.value(), cost, (double) correct / z.length, Double.NaN, Double.NaN);
    }

    static void requireOptions(TrainingOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options is null");
        }
    }
}
