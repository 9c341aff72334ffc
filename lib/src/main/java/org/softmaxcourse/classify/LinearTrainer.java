package org.softmaxcourse.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.loss.LossResult;
import org.softmaxcourse.numeric.Matrix;

/**
 * Gradient descent for a linear model with k outputs, Z = XW + b (W is d × k, row-major, b has k
 * entries), under the cost J = (1/n) Σ ℓ(zᵢ, yᵢ) + (λ/2)‖W‖² of {@link TrainingOptions}.
 *
 * <p>The loss ℓ and its gradient ∂ℓ/∂z come from the library's losses ({@link #BINARY}: binary
 * cross-entropy on one logit, {@link #SOFTMAX}: categorical cross-entropy on k logits); this
 * class only adds the chain rule through the linear layer,
 *
 * <pre>
 *   ∇_W J = Xᵀ G + λW,   ∇_b J = Σᵢ Gᵢ,   G = ∂[(1/n) Σ ℓᵢ]/∂Z  (the loss's gradient, 1/n included)
 * </pre>
 */
final class LinearTrainer {
    private LinearTrainer() {
    }

    /** A loss over rows of logits, and the decision rule accuracy is measured with. */
    interface Objective {
        /** The mean loss over the n rows of {@code z} (n × k) and its gradient with respect to z. */
        LossAndGradient evaluate(double[] z, int n, int[] y);

        /** How many of the n rows of {@code z} the model's decision rule gets right. */
        int correct(double[] z, int n, int[] y);
    }

    /** A mean loss and ∂(mean loss)/∂z, laid out like z. */
    record LossAndGradient(double loss, double[] gradient) {
    }

    /** What training produced: W (d × k, row-major), b, and the history. */
    record Result(double[] weights, double[] biases, TrainingHistory history) {
    }

    /** Binary cross-entropy on one logit per sample; the label is 1 when σ(z) ≥ 0.5. */
    static final Objective BINARY = new Objective() {
        private final BinaryCrossEntropy bce = BinaryCrossEntropy.fromLogits();

        @Override
        public LossAndGradient evaluate(double[] z, int n, int[] y) {
            double[] targets = new double[n];
            for (int i = 0; i < n; i++) {
                targets[i] = y[i];
            }
            LossResult<double[]> r = bce.evaluate(z.length == n ? z : java.util.Arrays.copyOf(z, n), targets);
            return new LossAndGradient(r.value(), r.gradient());
        }

        @Override
        public int correct(double[] z, int n, int[] y) {
            int correct = 0;
            for (int i = 0; i < n; i++) {
                if ((Sigmoid.sigmoid(z[i]) >= 0.5 ? 1 : 0) == y[i]) {
                    correct++;
                }
            }
            return correct;
        }
    };

    /** Categorical cross-entropy on k logits per sample; the label is the argmax. */
    static final Objective SOFTMAX = new Objective() {
        private final CategoricalCrossEntropy cce = CategoricalCrossEntropy.fromLogits();

        @Override
        public LossAndGradient evaluate(double[] z, int n, int[] y) {
            int k = z.length / n;
            LossResult<Matrix> r = cce.evaluate(Matrix.wrap(n, k, z), y.length == n ? y : java.util.Arrays.copyOf(y, n));
            return new LossAndGradient(r.value(), r.gradient().data());
        }

        @Override
        public int correct(double[] z, int n, int[] y) {
            int k = z.length / n;
            int correct = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (z[i * k + c] > z[i * k + best]) {
                        best = c;
                    }
                }
                if (best == y[i]) {
                    correct++;
                }
            }
            return correct;
        }
    };

    /**
     * Trains from W = 0, b = 0. The arguments have been checked by the model; {@code vx} and
     * {@code vy} may be null (no validation data).
     */
    static Result train(String model, Matrix x, int[] y, int k, Objective objective, TrainingOptions options,
                        Matrix vx, int[] vy) {
        int n = x.rows();
        int d = x.cols();
        double[] w = new double[d * k];
        double[] b = new double[k];
        double[] gw = new double[d * k];
        double[] gb = new double[k];
        double lr = options.learningRate();
        double l2 = options.l2();
        List<Epoch> history = new ArrayList<>();

        if (options.isFullBatch() || options.batchSize() >= n) {
            // One forward pass per epoch serves twice: its loss and accuracy are the history entry
            // for the parameters it was computed with (the previous epoch's end), and its gradient
            // makes this epoch's step.
            double[] z = new double[n * k];
            for (int e = 1; e <= options.epochs(); e++) {
                forward(x.data(), n, d, w, b, k, z);
                LossAndGradient lg = objective.evaluate(z, n, y);
                history.add(entry(e - 1, lg.loss(), objective.correct(z, n, y), n, w, l2, objective, vx, vy, b, k));
                step(x.data(), n, d, k, lg.gradient(), w, b, gw, gb, lr, l2, e, options);
            }
            forward(x.data(), n, d, w, b, k, z);
            history.add(entry(options.epochs(), objective.evaluate(z, n, y).loss(), objective.correct(z, n, y), n,
                    w, l2, objective, vx, vy, b, k));
            return new Result(w, b, new TrainingHistory(model, history));
        }

        history.add(evaluate(0, x, y, w, b, k, l2, objective, vx, vy));
        int batch = options.batchSize();
        Random random = new Random(options.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] xb = new double[batch * d];
        int[] yb = new int[batch];
        for (int e = 1; e <= options.epochs(); e++) {
            // Fisher–Yates with the run's one generator: a fresh order every epoch, the same
            // sequence of orders for the same seed.
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += batch) {
                int m = Math.min(batch, n - start);
                for (int r = 0; r < m; r++) {
                    System.arraycopy(x.data(), order[start + r] * d, xb, r * d, d);
                    yb[r] = y[order[start + r]];
                }
                double[] z = new double[m * k];
                forward(xb, m, d, w, b, k, z);
                LossAndGradient lg = objective.evaluate(z, m, m == batch ? yb : java.util.Arrays.copyOf(yb, m));
                step(xb, m, d, k, lg.gradient(), w, b, gw, gb, lr, l2, e, options);
            }
            history.add(evaluate(e, x, y, w, b, k, l2, objective, vx, vy));
        }
        return new Result(w, b, new TrainingHistory(model, history));
    }

    /** z = x W + b for the first n rows of x (n × d). */
    static void forward(double[] x, int n, int d, double[] w, double[] b, int k, double[] z) {
        for (int i = 0; i < n; i++) {
            int zi = i * k;
            System.arraycopy(b, 0, z, zi, k);
            int xi = i * d;
            if (k == 1) {
                double s = b[0];
                for (int j = 0; j < d; j++) {
                    s += x[xi + j] * w[j];
                }
                z[zi] = s;
                continue;
            }
            for (int j = 0; j < d; j++) {
                double xij = x[xi + j];
                int wj = j * k;
                for (int c = 0; c < k; c++) {
                    z[zi + c] += xij * w[wj + c];
                }
            }
        }
    }

    /** One gradient step: gw = xᵀ g + λw, gb = Σ g, then w −= η gw, b −= η gb. */
    private static void step(double[] x, int n, int d, int k, double[] g, double[] w, double[] b, double[] gw,
                             double[] gb, double lr, double l2, int epoch, TrainingOptions options) {
        java.util.Arrays.fill(gw, 0.0);
        java.util.Arrays.fill(gb, 0.0);
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            int gi = i * k;
            for (int c = 0; c < k; c++) {
                gb[c] += g[gi + c];
            }
            for (int j = 0; j < d; j++) {
                double xij = x[xi + j];
                int wj = j * k;
                for (int c = 0; c < k; c++) {
                    gw[wj + c] += xij * g[gi + c];
                }
            }
        }
        boolean finite = true;
        for (int p = 0; p < w.length; p++) {
            w[p] -= lr * (gw[p] + l2 * w[p]);
            finite &= Double.isFinite(w[p]);
        }
        for (int c = 0; c < k; c++) {
            b[c] -= lr * gb[c];
            finite &= Double.isFinite(b[c]);
        }
        if (!finite) {
            throw new IllegalStateException("training diverged in epoch " + epoch
                    + ": the parameters overflowed to ±∞ or NaN; lower the learning rate (" + options + ")");
        }
    }

    private static Epoch evaluate(int epoch, Matrix x, int[] y, double[] w, double[] b, int k, double l2,
                                  Objective objective, Matrix vx, int[] vy) {
        int n = x.rows();
        double[] z = new double[n * k];
        forward(x.data(), n, x.cols(), w, b, k, z);
        return entry(epoch, objective.evaluate(z, n, y).loss(), objective.correct(z, n, y), n, w, l2, objective,
                vx, vy, b, k);
    }

    private static Epoch entry(int epoch, double loss, int correct, int n, double[] w, double l2,
                               Objective objective, Matrix vx, int[] vy, double[] b, int k) {
        double vLoss = Double.NaN;
        double vAccuracy = Double.NaN;
        if (vx != null) {
            int m = vx.rows();
            double[] z = new double[m * k];
            forward(vx.data(), m, vx.cols(), w, b, k, z);
            vLoss = objective.evaluate(z, m, vy).loss();
            vAccuracy = (double) objective.correct(z, m, vy) / m;
        }
        return new Epoch(epoch, loss, loss + penalty(w, l2), (double) correct / n, vLoss, vAccuracy);
    }

    /** (λ/2)‖W‖². */
    static double penalty(double[] w, double l2) {
        if (l2 == 0) {
            return 0;
        }
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return 0.5 * l2 * s;
    }
}
