package org.softmaxcourse.loss;

import java.util.Arrays;
import java.util.OptionalInt;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.numeric.Log1p;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Parallel;
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
 * full distribution y over the classes (one-hot, smoothed or soft). With a one-hot target only
 * the probability given to the true class counts (S15).
 *
 * <p>As with {@link BinaryCrossEntropy}, the probability form is exact (pₖ = 0 costs +∞) unless
 * clamping is asked for with {@link #withEps(double)}, and the logit form is the one to train
 * with: it never forms p, so it is finite for every finite logit, and its gradient p − y is the
 * one-line result derived in the course. The logit form computes loss and gradient together,
 * in three short passes over each row while it is in the cache (its maximum; the shifted
 * exponentials and their sum; the scaling).
 *
 * <p><b>Class weights, label smoothing, ignored label</b> follow PyTorch's
 * {@code CrossEntropyLoss} exactly. Write wⱼ for the class weights (all 1 unless set), ε for the
 * smoothing and C for the number of classes. Every variant is ℓₙ = −Σⱼ aₙⱼ log pₙⱼ for a row of
 * coefficients aₙ, with gradient (Σⱼ aₙⱼ)·pₙ − aₙ with respect to the logits:
 * <ul>
 *   <li>integer labels kₙ: aₙⱼ = (1 − ε)·w<sub>kₙ</sub>·[j = kₙ] + (ε/C)·wⱼ; a sample whose label
 *       is the ignored label has ℓₙ = 0 and no gradient; {@link Reduction#MEAN} divides the sum
 *       by Σₙ w<sub>kₙ</sub> over the samples not ignored (the weighted mean; N when there are no
 *       weights and nothing is ignored);</li>
 *   <li>target rows yₙ: smoothing first mixes ε/C into the target, y′ = (1 − ε)·yₙ + ε/C, then
 *       aₙⱼ = wⱼ·y′ₙⱼ; {@link Reduction#MEAN} divides by N. The ignored label does not apply to
 *       target rows (as in PyTorch).</li>
 * </ul>
 * {@link LossResult#losses()} holds the weighted per-sample ℓₙ. A mean over no weight at all
 * (every label ignored, or only classes of weight 0) is 0/0 and is rejected rather than returned
 * as NaN; use {@link Reduction#SUM} for such batches.
 *
 * <p>Probability rows and target rows must be distributions: entries in [0, 1] summing to 1
 * within {@link Require#SUM_TOLERANCE}. Logits may be ±∞ but not NaN, and a row must have at
 * least one logit above −∞ (otherwise softmax is undefined).
 *
 * @see BinaryCrossEntropy the two-class case, one logit per sample
 * @see NegativeLogLikelihood the same loss on log-probabilities
 * @see Softmax the function the logit form is composed with
 * @see <a href="https://pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html">torch.nn.CrossEntropyLoss</a>
 */
public final class CategoricalCrossEntropy {
    private final boolean fromLogits;
    private final double eps;
    private final Reduction reduction;
    /** Class weights, or null for all 1. */
    private final double[] classWeights;
    private final double smoothing;
    private final boolean ignoring;
    private final int ignoreIndex;

    private CategoricalCrossEntropy(boolean fromLogits, double eps, Reduction reduction, double[] classWeights,
                                    double smoothing, boolean ignoring, int ignoreIndex) {
        this.fromLogits = fromLogits;
        this.eps = eps;
        this.reduction = reduction;
        this.classWeights = classWeights;
        this.smoothing = smoothing;
        this.ignoring = ignoring;
        this.ignoreIndex = ignoreIndex;
    }

    /** Cross-entropy on probability rows, exact (no clamping), averaged over the batch. */
    public static CategoricalCrossEntropy fromProbabilities() {
        return new CategoricalCrossEntropy(false, 0.0, Reduction.MEAN, null, 0.0, false, 0);
    }

    /** Cross-entropy on logit rows (p = softmax(z)), averaged over the batch. */
    public static CategoricalCrossEntropy fromLogits() {
        return new CategoricalCrossEntropy(true, 0.0, Reduction.MEAN, null, 0.0, false, 0);
    }

    /** The same loss with another reduction. */
    public CategoricalCrossEntropy withReduction(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction is null");
        }
        return new CategoricalCrossEntropy(fromLogits, eps, reduction, classWeights, smoothing, ignoring, ignoreIndex);
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
        return new CategoricalCrossEntropy(false, eps, reduction, classWeights, smoothing, ignoring, ignoreIndex);
    }

    /**
     * The same loss with class weights w (one per class, finite and ≥ 0), PyTorch's
     * {@code weight}: a sample of class k counts wₖ times, and the mean over integer labels
     * divides by the sum of the samples' class weights. Used against class imbalance.
     */
    public CategoricalCrossEntropy withClassWeights(double... weights) {
        Require.nonEmpty("classWeights", weights);
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] >= 0 && weights[j] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("classWeights[" + j + "] = " + weights[j]
                        + " must be finite and at least 0");
            }
        }
        return new CategoricalCrossEntropy(fromLogits, eps, reduction, weights.clone(), smoothing, ignoring,
                ignoreIndex);
    }

    /**
     * The same loss with label smoothing ε ∈ [0, 1], PyTorch's {@code label_smoothing}: the
     * target becomes (1 − ε)·y + ε/C, so the model is never asked for a probability of exactly 1.
     */
    public CategoricalCrossEntropy withLabelSmoothing(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("labelSmoothing = " + epsilon + " must lie in [0, 1]");
        }
        return new CategoricalCrossEntropy(fromLogits, eps, reduction, classWeights, epsilon, ignoring, ignoreIndex);
    }

    /**
     * The same loss ignoring every sample whose integer label is {@code label}, PyTorch's
     * {@code ignore_index} (whose default there is −100; here nothing is ignored unless asked):
     * such a sample costs 0, gets no gradient and does not count in the mean. Typical for padding.
     */
    public CategoricalCrossEntropy withIgnoreIndex(int label) {
        return new CategoricalCrossEntropy(fromLogits, eps, reduction, classWeights, smoothing, true, label);
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

    /** A copy of the class weights, or null when every class weighs 1. */
    public double[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    /** The label smoothing ε (0 unless set). */
    public double labelSmoothing() {
        return smoothing;
    }

    /** The ignored label, if one is set. */
    public OptionalInt ignoreIndex() {
        return ignoring ? OptionalInt.of(ignoreIndex) : OptionalInt.empty();
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

    /**
     * {@link #evaluate(Matrix, int[])} with the rows split over {@code threads} threads
     * ({@link org.softmaxcourse.numeric.Parallel}): losses, value and gradient are bit for bit
     * those of the single-threaded call.
     */
    public LossResult<Matrix> evaluate(Matrix input, int[] labels, int threads) {
        return evaluate(input, labels, reduction, threads);
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
        return evaluate(input, labels, how, 1);
    }

    private LossResult<Matrix> evaluate(Matrix input, int[] labels, Reduction how, int threads) {
        String in = inputName();
        Require.nonEmpty(in, input);
        Require.nonEmpty("labels", labels);
        Require.oneLabelPerRow(in, input, "labels", labels);
        int n = input.rows();
        int c = input.cols();
        checkClassWeights(in, input);
        double scale;
        if (classWeights == null && !ignoring) {
            // Every sample weighs 1: the weighted mean is the plain mean, and the labels are checked
            // in the kernel below (a label out of range gives its row a NaN loss).
            scale = scale(how, n, n);
        } else {
            checkLabels(labels, c);
            double denominator = 0;
            for (int i = 0; i < n; i++) {
                if (!(ignoring && labels[i] == ignoreIndex)) {
                    denominator += weight(labels[i]);
                }
            }
            scale = scale(how, denominator, n);
        }
        double[] losses = new double[n];
        double[] grad = new double[n * c];
        double[] z = input.data();
        if (fromLogits && smoothing == 0) {
            // No validation pass over the logits or the labels: a NaN, an all −∞ row or a label out
            // of range turns its loss into NaN, and only then are the inputs scanned, in order, to
            // name the first offender.
            Parallel.forRange(n, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int k = labels[i];
                    if (ignoring && k == ignoreIndex) {
                        losses[i] = validLogitRow(z, i * c, c) ? 0.0 : Double.NaN;
                    } else if (k < 0 || k >= c) {
                        losses[i] = Double.NaN;
                    } else {
                        losses[i] = labelRow(z, i * c, c, k, weight(k), grad, scale);
                    }
                }
            });
            LossResult<Matrix> result = result(losses, how, scale, n, c, grad);
            if (Double.isNaN(result.value())) {
                checkLabels(labels, c);
                checkInput(in, input);
                throw new IllegalStateException("a loss is NaN although " + in + " and labels passed validation");
            }
            return result;
        }
        checkLabels(labels, c);
        checkInput(in, input);
        Parallel.forRange(n, threads, (from, to) -> {
            double[] a = new double[c];
            for (int i = from; i < to; i++) {
                if (ignoring && labels[i] == ignoreIndex) {
                    continue;
                }
                int k = labels[i];
                for (int j = 0; j < c; j++) {
                    a[j] = smoothing == 0 ? 0.0 : smoothing / c * weight(j);
                }
                a[k] += (1 - smoothing) * weight(k);
                losses[i] = row(z, i * c, c, a, grad, scale);
            }
        });
        return result(losses, how, scale, n, c, grad);
    }

    /** Rejects the first label that is neither a class nor the ignored label. */
    private void checkLabels(int[] labels, int c) {
        for (int i = 0; i < labels.length; i++) {
            if (!(ignoring && labels[i] == ignoreIndex) && (labels[i] < 0 || labels[i] >= c)) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " is not a class label: with "
                        + c + " classes labels run from 0 to " + (c - 1)
                        + (ignoring ? " (or " + ignoreIndex + ", the ignored label)" : ""));
            }
        }
    }

    private LossResult<Matrix> evaluate(Matrix input, Matrix targets, Reduction how) {
        String in = inputName();
        checkInput(in, input);
        Require.nonEmpty("targets", targets);
        Require.sameShape(in, input, "targets", targets);
        Require.distributions("targets", targets);
        checkClassWeights(in, input);
        int n = input.rows();
        int c = input.cols();
        double scale = scale(how, n, n);
        double[] y = targets.data();
        double[] a = new double[c];
        double[] losses = new double[n];
        double[] grad = new double[n * c];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                double target = smoothing == 0 ? y[i * c + j] : (1 - smoothing) * y[i * c + j] + smoothing / c;
                a[j] = weight(j) * target;
            }
            losses[i] = row(input.data(), i * c, c, a, grad, scale);
        }
        return result(losses, how, scale, n, c, grad);
    }

    private LossResult<Matrix> result(double[] losses, Reduction how, double scale, int n, int c, double[] grad) {
        double value = Reduction.scaled(Reduction.sum(losses), losses, how == Reduction.MEAN ? scale : 1.0);
        return new LossResult<>(losses, value, Matrix.wrap(n, c, grad), how);
    }

    /** The gradient factor of the reduction: 1/denominator for MEAN, 1 otherwise. */
    private double scale(Reduction how, double denominator, int n) {
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

    private double weight(int j) {
        return classWeights == null ? 1.0 : classWeights[j];
    }

    /** ℓ = −Σⱼ aⱼ log pⱼ for one row, its gradient (scaled) written to grad. */
    private double row(double[] z, int from, int c, double[] a, double[] grad, double scale) {
        if (fromLogits) {
            return logitRow(z, from, c, a, grad, scale);
        }
        double l = 0;
        for (int j = 0; j < c; j++) {
            // 0·log 0 = 0: a class with no coefficient contributes nothing, even at p = 0.
            if (a[j] != 0) {
                double p = z[from + j];
                l -= a[j] * Math.log(clamp(p));
                grad[from + j] = clamped(p) ? 0.0 : -scale * a[j] / p;
            }
        }
        return l;
    }

    /**
     * The loss −Σⱼ aⱼ log softmax(z)ⱼ of one logit row z[from .. from + c) and its gradient
     * scale·((Σa)·p − a) written to grad, in three passes over the row: the maximum m; the
     * shifted exponentials e^(zⱼ − m) with their sum S = 1 + rest
     * ({@link Softmax#shiftedExpRest}); the scaling. log S = log1p(rest) keeps the digits when
     * one class dominates. Where zⱼ = m, pⱼ = 1/S and the gradient is formed as
     * (Σa − aⱼ) − (Σa)·rest/S, exact where pⱼ rounds to 1 (p − 1 would cancel).
     */
    private static double logitRow(double[] z, int from, int c, double[] a, double[] grad, double scale) {
        double m = Softmax.rowMax(z, from, c);
        if (!isFinite(m)) {
            // checkInput ran: no NaN and no row of all −∞, so m = +∞.
            return infiniteLogitRow(z, from, c, a, grad, scale);
        }
        double rest = Softmax.shiftedExpRest(z, from, c, m, grad);
        double total = 1.0 + rest;
        double logSum = Log1p.log1p(rest);
        double coefficients = 0;
        double loss = 0;
        for (int j = 0; j < c; j++) {
            double aj = a[j];
            coefficients += aj;
            if (aj != 0) {
                loss += aj * (logSum - (z[from + j] - m));
            }
        }
        double inv = coefficients / total;
        for (int j = 0; j < c; j++) {
            int k = from + j;
            if (z[k] == m && a[j] != 0) {
                grad[k] = scale * ((coefficients - a[j]) - coefficients * rest / total);
            } else {
                grad[k] = scale * (grad[k] * inv - a[j]);
            }
        }
        return loss;
    }

    /**
     * {@link #logitRow} for a one-hot target, the label k with weight w, to the last bit or so: ℓ =
     * w·(log Σⱼ e^(zⱼ − m) − (z<sub>k</sub> − m)) and gradient scale·w·(p − eₖ), without the row
     * of coefficients. Returns NaN for a row that holds a NaN or is all −∞, leaving the caller to
     * say so (the batch is not scanned beforehand).
     */
    private static double labelRow(double[] z, int from, int c, int k, double w, double[] grad, double scale) {
        double m = Softmax.rowMax(z, from, c);
        if (!isFinite(m)) {
            // m is NaN for a row holding a NaN, −∞ for a row of all −∞; +∞ rows take the limit.
            return m == Double.POSITIVE_INFINITY ? infiniteLabelRow(z, from, c, k, w, grad, scale) : Double.NaN;
        }
        double rest = Softmax.shiftedExpRest(z, from, c, m, grad);
        double total = 1.0 + rest;
        double zk = z[from + k];
        double sw = scale * w;
        double inv = sw / total;
        double gk = zk == m ? 0.0 - sw * rest / total : grad[from + k] * inv - sw;
        for (int j = from; j < from + c; j++) {
            grad[j] *= inv;
        }
        grad[from + k] = gk;
        return w == 0 ? 0.0 : w * (Log1p.log1p(rest) - (zk - m));
    }

    private static boolean isFinite(double v) {
        return Math.abs(v) < Double.POSITIVE_INFINITY;
    }

    private static double infiniteLabelRow(double[] z, int from, int c, int k, double w, double[] grad,
            double scale) {
        double[] a = new double[c];
        a[k] = w;
        return infiniteLogitRow(z, from, c, a, grad, scale);
    }

    /** No NaN and not all −∞: what softmax of the row needs. */
    private static boolean validLogitRow(double[] z, int from, int c) {
        boolean finiteSomewhere = false;
        for (int j = from; j < from + c; j++) {
            if (Double.isNaN(z[j])) {
                return false;
            }
            finiteSomewhere |= z[j] > Double.NEGATIVE_INFINITY;
        }
        return finiteSomewhere;
    }

    /** A row holding +∞: softmax shares all mass among the +∞ entries; see {@link Softmax}. */
    private static double infiniteLogitRow(double[] z, int from, int c, double[] a, double[] grad, double scale) {
        double[] logP = Arrays.copyOfRange(z, from, from + c);
        Softmax.logSoftmaxRow(logP, 0, c, logP);
        double total = 0;
        for (double aj : a) {
            total += aj;
        }
        double loss = 0;
        for (int j = 0; j < c; j++) {
            if (a[j] != 0) {
                loss -= a[j] * logP[j];
            }
            grad[from + j] = scale * (total * Math.exp(logP[j]) - a[j]);
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

    private void checkClassWeights(String name, Matrix input) {
        if (classWeights != null && classWeights.length != input.cols()) {
            throw new IllegalArgumentException("shape mismatch: classWeights has " + classWeights.length
                    + " entries but " + name + " is " + input.shape() + " (" + input.cols() + " classes)");
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
        StringBuilder sb = new StringBuilder("CategoricalCrossEntropy(from ")
                .append(fromLogits ? "logits" : "probabilities");
        if (eps > 0) {
            sb.append(", eps = ").append(eps);
        }
        if (classWeights != null) {
            sb.append(", class weights ").append(Arrays.toString(classWeights));
        }
        if (smoothing > 0) {
            sb.append(", label smoothing ").append(smoothing);
        }
        if (ignoring) {
            sb.append(", ignored label ").append(ignoreIndex);
        }
        return sb.append(", reduction ").append(reduction).append(')').toString();
    }
}
