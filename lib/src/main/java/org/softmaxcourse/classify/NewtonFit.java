package org.softmaxcourse.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.loss.LossResult;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Newton;

/**
 * {@link LogisticRegression#fitNewton}: the regularised cost J(w, b) = (1/n) Σ BCE + (λ/2)‖w‖²
 * as a {@link Newton.Point}, with its gradient and Hessian
 *
 * <pre>
 *   ∇J = (1/n) X̃ᵀ(σ(z) − y) + λ(w, 0)
 *   H  = (1/n) X̃ᵀ diag(σ(zᵢ)(1 − σ(zᵢ))) X̃ + λ diag(1, …, 1, 0)      (X̃ = [X 1], the bias unpenalised)
 * </pre>
 */
final class NewtonFit {
    /** The maximum number of Newton steps; from w = 0 it converges in about ten. */
    static final int MAX_STEPS = 50;

    private static final BinaryCrossEntropy BCE = BinaryCrossEntropy.fromLogits();

    private NewtonFit() {
    }

    /** The model at the optimum, its history one entry per Newton step; x and y already checked. */
    static LogisticRegression fit(Matrix x, int[] y, double l2) {
        int n = x.rows();
        int d = x.cols();
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            targets[i] = y[i];
        }
        List<Epoch> history = new ArrayList<>();
        double[] theta = Newton.minimise(t -> new NewtonPoint(x.data(), n, d, targets, t, l2), new double[d + 1],
                MAX_STEPS, (step, t, at) -> history.add(newtonEntry(step, at.loss, at.z, y, t, l2)));
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
            this.z = LogisticRegression.logits(x, n, d, theta);
            this.loss = BCE.evaluate(z, targets);
            this.cost = loss.value() + LinearTrainer.penalty(Arrays.copyOf(theta, d), l2);
        }

        @Override
        public double value() {
            return cost;
        }

        @Override
        public double[] gradient() {
            return NewtonFit.gradient(x, n, d, loss.gradient(), theta, l2);
        }

        @Override
        public double[] hessian() {
            return NewtonFit.hessian(x, n, d, z, l2);
        }
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
}
