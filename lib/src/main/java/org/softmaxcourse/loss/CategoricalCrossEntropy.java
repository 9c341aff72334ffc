package org.softmaxcourse.loss;

import java.util.Arrays;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * Categorical cross-entropy, the negative log-likelihood of a class under a predicted
 * distribution over C classes:
 *
 * <pre>
 *   from probabilities:  ℓ(p, y) = −Σⱼ yⱼ log pⱼ                    ∂ℓ/∂pⱼ = −yⱼ / pⱼ
 *   from logits:         ℓ(z, y) = −Σⱼ yⱼ log softmax(z)ⱼ
 *                               = logsumexp(z) − Σⱼ yⱼ zⱼ            ∂ℓ/∂zⱼ = softmax(z)ⱼ − yⱼ
 * </pre>
 *
 * <p>The target is an integer label k (then y is the one-hot vector eₖ and ℓ = −log pₖ), or a
 * full distribution y over the classes (one-hot, smoothed or soft). Either way only the
 * probability given to the true class counts, which is the article's point S11.
 *
 * <p>As with {@link BinaryCrossEntropy}, the probability form is exact (pₖ = 0 costs +∞) unless
 * clamping is asked for with {@link #withEps(double)}, and the logit form is the one to train
 * with: it never forms p, so it is finite for every finite logit, and its gradient p − y is the
 * one-line result derived in the course. The logit form computes loss and gradient in one pass
 * over each row.
 *
 * <p>Probability rows and target rows must be distributions: entries in [0, 1] summing to 1
 * within {@link Require#SUM_TOLERANCE}. Logits may be ±∞ but not NaN, and a row must have at
 * least one logit above −∞ (otherwise softmax is undefined).
 *
 * @see BinaryCrossEntropy the two-class case, one logit per sample
 * @see Softmax the function the logit form is composed with
 */
public final class CategoricalCrossEntropy {
    private final boolean fromLogits;
    private final double eps;
    private final Reduction reduction;

    private CategoricalCrossEntropy(boolean fromLogits, double eps, Reduction reduction) {
        this.fromLogits = fromLogits;
        this.eps = eps;
        this.reduction = reduction;
    }

    /** Cross-entropy on probability rows, exact (no clamping), averaged over the batch. */
    public static CategoricalCrossEntropy fromProbabilities() {
        return new CategoricalCrossEntropy(false, 0.0, Reduction.MEAN);
    }

    /** Cross-entropy on logit rows (p = softmax(z)), averaged over the batch. */
    public static CategoricalCrossEntropy fromLogits() {
        return new CategoricalCrossEntropy(true, 0.0, Reduction.MEAN);
    }

    /** The same loss with another reduction. */
    public CategoricalCrossEntropy withReduction(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction is null");
        }
        return new CategoricalCrossEntropy(fromLogits, eps, reduction);
    }

    /**
     * The same loss with every pⱼ clamped to [ε, 1 − ε] before the log, so that no sample costs
     * more than −log ε. Only for probabilities; {@code eps} must lie in (0, 0.5).
     */
    public CategoricalCrossEntropy withEps(double eps) {
        if (fromLogits) {
            throw new IllegalArgumentException("eps = " + eps
                    + ": the logit form is finite for every finite logit and takes no eps");
        }
        if (!(eps > 0 && eps < 0.5)) {
            throw new IllegalArgumentException("eps = " + eps + " must lie in (0, 0.5)");
        }
        return new CategoricalCrossEntropy(false, eps, reduction);
    }

    public boolean isFromLogits() {
        return fromLogits;
    }

    /** The clamping ε, or 0 for the exact loss. */
    public double eps() {
        return eps;
    }

    public Reduction reduction() {
        return reduction;
    }

    // ---- one sample -------------------------------------------------------------------------

    /** ℓ for one sample whose true class is {@code label}. */
    public double loss(double[] input, int label) {
        return evaluate(rowOf(input), new int[] {label}, Reduction.SUM).value();
    }

    /** ℓ for one sample with target distribution {@code target}. */
    public double loss(double[] input, double[] target) {
        return evaluate(rowOf(input), targetRowOf(target), Reduction.SUM).value();
    }

    /** ∂ℓ/∂input for one sample whose true class is {@code label}. */
    public double[] gradient(double[] input, int label) {
        return evaluate(rowOf(input), new int[] {label}, Reduction.SUM).gradient().data();
    }

    /** ∂ℓ/∂input for one sample with target distribution {@code target}. */
    public double[] gradient(double[] input, double[] target) {
        return evaluate(rowOf(input), targetRowOf(target), Reduction.SUM).gradient().data();
    }

    // ---- a batch, one sample per row --------------------------------------------------------

    /** Per-sample losses, reduced value and gradient for integer labels, one per row. */
    public LossResult<Matrix> evaluate(Matrix input, int[] labels) {
        return evaluate(input, labels, reduction);
    }

    /** Per-sample losses, reduced value and gradient for target rows (one-hot or soft). */
    public LossResult<Matrix> evaluate(Matrix input, Matrix targets) {
        return evaluate(input, targets, reduction);
    }

    /** The reduced loss for integer labels. */
    public double loss(Matrix input, int[] labels) {
        return evaluate(input, labels).value();
    }

    /** The reduced loss for target rows. */
    public double loss(Matrix input, Matrix targets) {
        return evaluate(input, targets).value();
    }

    /** One loss per row, before reduction. */
    public double[] losses(Matrix input, int[] labels) {
        return evaluate(input, labels).losses();
    }

    /** One loss per row, before reduction. */
    public double[] losses(Matrix input, Matrix targets) {
        return evaluate(input, targets).losses();
    }

    /** ∂(reduced loss)/∂input for integer labels. */
    public Matrix gradient(Matrix input, int[] labels) {
        return evaluate(input, labels).gradient();
    }

    /** ∂(reduced loss)/∂input for target rows. */
    public Matrix gradient(Matrix input, Matrix targets) {
        return evaluate(input, targets).gradient();
    }

    // ---- the computation --------------------------------------------------------------------

    private LossResult<Matrix> evaluate(Matrix input, int[] labels, Reduction how) {
        String in = inputName();
        checkInput(in, input);
        Require.nonEmpty("labels", labels);
        Require.oneLabelPerRow(in, input, "labels", labels);
        Require.labels("labels", labels, input.cols());
        int n = input.rows();
        int c = input.cols();
        double scale = how.scale(n);
        double[] z = input.data();
        double[] losses = new double[n];
        double[] grad = new double[n * c];
        for (int i = 0; i < n; i++) {
            int from = i * c;
            int k = from + labels[i];
            if (fromLogits) {
                losses[i] = logitRow(z, from, c, k, null, grad, scale);
            } else {
                double p = clamp(z[k]);
                losses[i] = -Math.log(p);
                grad[k] = clamped(z[k]) ? 0.0 : -scale / z[k];
            }
        }
        return new LossResult<>(losses, how.reduce(losses), Matrix.wrap(n, c, grad), how);
    }

    private LossResult<Matrix> evaluate(Matrix input, Matrix targets, Reduction how) {
        String in = inputName();
        checkInput(in, input);
        Require.nonEmpty("targets", targets);
        Require.sameShape(in, input, "targets", targets);
        Require.distributions("targets", targets);
        int n = input.rows();
        int c = input.cols();
        double scale = how.scale(n);
        double[] z = input.data();
        double[] y = targets.data();
        double[] losses = new double[n];
        double[] grad = new double[n * c];
        for (int i = 0; i < n; i++) {
            int from = i * c;
            if (fromLogits) {
                losses[i] = logitRow(z, from, c, -1, y, grad, scale);
            } else {
                double l = 0;
                for (int j = from; j < from + c; j++) {
                    // 0·log 0 = 0: a class with no target mass contributes nothing, even at p = 0.
                    if (y[j] != 0) {
                        l -= y[j] * Math.log(clamp(z[j]));
                        grad[j] = clamped(z[j]) ? 0.0 : -scale * y[j] / z[j];
                    }
                }
                losses[i] = l;
            }
        }
        return new LossResult<>(losses, how.reduce(losses), Matrix.wrap(n, c, grad), how);
    }

    /**
     * The loss of one logit row z[from .. from + c) and its gradient (scaled) written to grad.
     * The target is either the label index {@code k} (y = eₖ) or, when {@code k < 0}, the row of
     * {@code y} at the same offset. One pass computes e^(zⱼ − m); loss = log(Σ e^(zⱼ − m)) −
     * Σ yⱼ (zⱼ − m) with the sum written as 1 + rest (rest excludes the argmax) so log1p keeps
     * the digits when one class dominates.
     */
    private static double logitRow(double[] z, int from, int c, int k, double[] y,
                                   double[] grad, double scale) {
        int arg = from;
        for (int j = from + 1; j < from + c; j++) {
            if (z[j] > z[arg]) {
                arg = j;
            }
        }
        double m = z[arg];
        if (m == Double.POSITIVE_INFINITY) {
            return infiniteLogitRow(z, from, c, k, y, grad, scale);
        }
        double rest = 0;
        for (int j = from; j < from + c; j++) {
            double e = Math.exp(z[j] - m);
            grad[j] = e;
            if (j != arg) {
                rest += e;
            }
        }
        double logSum = Math.log1p(rest);
        double inv = scale / (1.0 + rest);
        double loss;
        if (k >= 0) {
            loss = logSum - (z[k] - m);
            for (int j = from; j < from + c; j++) {
                grad[j] *= inv;
            }
            // pₖ − 1 for the dominant class is −rest/(1 + rest), exact where pₖ rounds to 1;
            // any other class has pₖ ≤ ½ and the subtraction loses nothing.
            grad[k] = k == arg ? -scale * rest / (1.0 + rest) : grad[k] - scale;
        } else {
            loss = 0;
            for (int j = from; j < from + c; j++) {
                if (y[j] != 0) {
                    loss += y[j] * (logSum - (z[j] - m));
                }
                // As for labels: p − y at the dominant class is (1 − y) − rest/(1 + rest), so a
                // one-hot row gives the same bits as its label.
                grad[j] = j == arg && y[j] != 0
                        ? scale * ((1.0 - y[j]) - rest / (1.0 + rest))
                        : grad[j] * inv - scale * y[j];
            }
        }
        return loss;
    }

    /** A row holding +∞: softmax shares all mass among the +∞ entries; see {@link Softmax}. */
    private static double infiniteLogitRow(double[] z, int from, int c, int k, double[] y,
                                           double[] grad, double scale) {
        double[] logP = Arrays.copyOfRange(z, from, from + c);
        Softmax.logSoftmaxRow(logP, 0, c, logP);
        double loss = 0;
        for (int j = 0; j < c; j++) {
            double yj = k >= 0 ? (from + j == k ? 1.0 : 0.0) : y[from + j];
            if (yj != 0) {
                loss -= yj * logP[j];
            }
            grad[from + j] = scale * (Math.exp(logP[j]) - yj);
        }
        return loss;
    }

    private void checkInput(String name, Matrix input) {
        Require.nonEmpty(name, input);
        if (!fromLogits) {
            Require.distributions(name, input);
            return;
        }
        Require.noNaN(name, input);
        double[] z = input.data();
        int c = input.cols();
        for (int i = 0; i < input.rows(); i++) {
            boolean finiteSomewhere = false;
            for (int j = i * c; j < (i + 1) * c && !finiteSomewhere; j++) {
                finiteSomewhere = z[j] > Double.NEGATIVE_INFINITY;
            }
            if (!finiteSomewhere) {
                throw new IllegalArgumentException(name + " row " + i
                        + " is all −∞: softmax of it is undefined (0/0)");
            }
        }
    }

    private double clamp(double p) {
        return eps > 0 ? Math.min(Math.max(p, eps), 1 - eps) : p;
    }

    private boolean clamped(double p) {
        return eps > 0 && (p < eps || p > 1 - eps);
    }

    private String inputName() {
        return fromLogits ? "z" : "p";
    }

    private static Matrix rowOf(double[] input) {
        Require.nonEmpty("input", input);
        return Matrix.of(input);
    }

    private static Matrix targetRowOf(double[] target) {
        Require.nonEmpty("target", target);
        return Matrix.of(target);
    }

    @Override
    public String toString() {
        return "CategoricalCrossEntropy(from " + (fromLogits ? "logits" : "probabilities")
                + (eps > 0 ? ", eps = " + eps : "") + ", reduction " + reduction + ")";
    }
}
