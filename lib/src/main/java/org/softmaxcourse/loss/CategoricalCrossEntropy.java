package org.softmaxcourse.loss;

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
 * full distribution y over the classes (one-hot, smoothed or soft). With a one-hot target only
 * the probability given to the true class counts (S15).
 *
 * <p>The two forms are two small classes behind this one: from probabilities the loss is exact
 * (pₖ = 0 costs +∞) unless clamping is asked for with {@link #withEps(double)}; from logits, the
 * form to train with, it never forms p, so it is finite for every finite logit, and its gradient
 * p − y is the one-line result derived in the course. The fast row kernels it runs on are in
 * {@code org.softmaxcourse.internal.kernel.CrossEntropyKernels}.
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
public abstract sealed class CategoricalCrossEntropy permits CrossEntropyFromLogits, CrossEntropyFromProbabilities {
    /** Reduction, class weighting, smoothing and clamping. */
    final CrossEntropyOptions options;

    CategoricalCrossEntropy(CrossEntropyOptions options) {
        this.options = options;
    }

    /**
     * Cross-entropy on probability rows, exact (no clamping), averaged over the batch.
     *
     * @return the loss with the default settings
     */
    public static CategoricalCrossEntropy fromProbabilities() {
        return new CrossEntropyFromProbabilities(CrossEntropyOptions.DEFAULT);
    }

    /**
     * Cross-entropy on logit rows (p = softmax(z)), averaged over the batch.
     *
     * @return the loss with the default settings
     */
    public static CategoricalCrossEntropy fromLogits() {
        return new CrossEntropyFromLogits(CrossEntropyOptions.DEFAULT);
    }

    /** The same form of the loss with other settings. */
    abstract CategoricalCrossEntropy with(CrossEntropyOptions options);

    /**
     * The same loss with another reduction.
     *
     * @param reduction how the per-sample losses are combined
     * @return a new loss
     * @throws IllegalArgumentException if {@code reduction} is null
     */
    public CategoricalCrossEntropy withReduction(Reduction reduction) {
        return with(options.withReduction(reduction));
    }

    /**
     * The same loss with every pⱼ clamped to [ε, 1 − ε] before the log, so that no sample costs
     * more than −log ε. Only for probabilities.
     *
     * @param eps the clamping ε, in (0, 0.5)
     * @return a new loss
     * @throws IllegalArgumentException if {@code eps} is outside (0, 0.5) or the loss is on logits
     */
    public CategoricalCrossEntropy withEps(double eps) {
        return with(options.withEps(eps));
    }

    /**
     * The same loss with class weights w (PyTorch's {@code weight}): a sample of class k counts
     * wₖ times, and the mean over integer labels divides by the sum of the samples' class
     * weights. Used against class imbalance.
     *
     * @param weights one weight per class, each finite and at least 0 (copied)
     * @return a new loss
     * @throws IllegalArgumentException if {@code weights} is empty or a weight is negative, infinite or NaN
     */
    public CategoricalCrossEntropy withClassWeights(double... weights) {
        return with(options.withWeighting(options.weighting().withClassWeights(weights)));
    }

    /**
     * The same loss with label smoothing ε (PyTorch's {@code label_smoothing}): the target becomes
     * (1 − ε)·y + ε/C, so the model is never asked for a probability of exactly 1.
     *
     * @param epsilon the smoothing ε, in [0, 1]
     * @return a new loss
     * @throws IllegalArgumentException if {@code epsilon} is outside [0, 1]
     */
    public CategoricalCrossEntropy withLabelSmoothing(double epsilon) {
        return with(options.withSmoothing(epsilon));
    }

    /**
     * The same loss ignoring every sample whose integer label is {@code label}, PyTorch's
     * {@code ignore_index} (whose default there is −100; here nothing is ignored unless asked):
     * such a sample costs 0, gets no gradient and does not count in the mean. Typical for padding.
     *
     * @param label the label to ignore
     * @return a new loss
     */
    public CategoricalCrossEntropy withIgnoreIndex(int label) {
        return with(options.withWeighting(options.weighting().withIgnoreIndex(label)));
    }

    /**
     * Whether the input is a row of logits (true) or of probabilities (false).
     *
     * @return true for the logit form
     */
    public abstract boolean isFromLogits();

    /**
     * The clamping ε.
     *
     * @return ε, or 0 for the exact loss
     */
    public double eps() {
        return options.eps();
    }

    /**
     * How the per-sample losses are combined.
     *
     * @return the reduction
     */
    public Reduction reduction() {
        return options.reduction();
    }

    /**
     * The class weights.
     *
     * @return a copy of the class weights, or null when every class weighs 1
     */
    public double[] classWeights() {
        return options.weighting().classWeights();
    }

    /**
     * The label smoothing.
     *
     * @return ε, 0 unless set
     */
    public double labelSmoothing() {
        return options.smoothing();
    }

    /**
     * The ignored label.
     *
     * @return the ignored label, if one is set
     */
    public java.util.OptionalInt ignoreIndex() {
        return options.weighting().ignoreIndex();
    }

    // ---- one sample -------------------------------------------------------------------------

    /**
     * ℓ for one sample.
     *
     * @param input the sample's row of logits or probabilities
     * @param label its true class
     * @return the loss
     * @throws IllegalArgumentException if {@code input} is empty or invalid, or {@code label} is not a class
     */
    public double loss(double[] input, int label) {
        return evaluate(rowOf(input), new int[] {label}, Reduction.SUM, 1).value();
    }

    /**
     * ℓ for one sample.
     *
     * @param input the sample's row of logits or probabilities
     * @param target its target distribution
     * @return the loss
     * @throws IllegalArgumentException if an argument is empty or invalid, or their lengths differ
     */
    public double loss(double[] input, double[] target) {
        return evaluate(rowOf(input), targetRowOf(target), Reduction.SUM).value();
    }

    /**
     * ∂ℓ/∂input for one sample.
     *
     * @param input the sample's row of logits or probabilities
     * @param label its true class
     * @return the gradient, a new array
     * @throws IllegalArgumentException if {@code input} is empty or invalid, or {@code label} is not a class
     */
    public double[] gradient(double[] input, int label) {
        return evaluate(rowOf(input), new int[] {label}, Reduction.SUM, 1).gradient().data();
    }

    /**
     * ∂ℓ/∂input for one sample.
     *
     * @param input the sample's row of logits or probabilities
     * @param target its target distribution
     * @return the gradient, a new array
     * @throws IllegalArgumentException if an argument is empty or invalid, or their lengths differ
     */
    public double[] gradient(double[] input, double[] target) {
        return evaluate(rowOf(input), targetRowOf(target), Reduction.SUM).gradient().data();
    }

    // ---- a batch, one sample per row --------------------------------------------------------

    /**
     * Per-sample losses, reduced value and gradient for integer labels.
     *
     * @param input one row of logits or probabilities per sample
     * @param labels one true class per row
     * @return the losses, their reduction and the gradient
     * @throws IllegalArgumentException if an argument is empty or invalid, or the shapes disagree
     */
    public LossResult<Matrix> evaluate(Matrix input, int[] labels) {
        return evaluate(input, labels, options.reduction(), 1);
    }

    /**
     * {@link #evaluate(Matrix, int[])} with the rows split over {@code threads} threads:
     * losses, value and gradient are bit for bit those of the single-threaded call.
     *
     * @param input one row of logits or probabilities per sample
     * @param labels one true class per row
     * @param threads the number of threads, at least 1
     * @return the losses, their reduction and the gradient
     * @throws IllegalArgumentException if an argument is empty or invalid, or the shapes disagree
     */
    public LossResult<Matrix> evaluate(Matrix input, int[] labels, int threads) {
        return evaluate(input, labels, options.reduction(), threads);
    }

    /**
     * Per-sample losses, reduced value and gradient for target rows (one-hot or soft).
     *
     * @param input one row of logits or probabilities per sample
     * @param targets one target distribution per row
     * @return the losses, their reduction and the gradient
     * @throws IllegalArgumentException if an argument is empty or invalid, or the shapes disagree
     */
    public LossResult<Matrix> evaluate(Matrix input, Matrix targets) {
        return evaluate(input, targets, options.reduction());
    }

    /**
     * The reduced loss for integer labels.
     *
     * @param input one row per sample
     * @param labels one true class per row
     * @return the loss
     * @throws IllegalArgumentException as {@link #evaluate(Matrix, int[])}
     */
    public double loss(Matrix input, int[] labels) {
        return evaluate(input, labels).value();
    }

    /**
     * The reduced loss for target rows.
     *
     * @param input one row per sample
     * @param targets one target distribution per row
     * @return the loss
     * @throws IllegalArgumentException as {@link #evaluate(Matrix, Matrix)}
     */
    public double loss(Matrix input, Matrix targets) {
        return evaluate(input, targets).value();
    }

    /**
     * One loss per row, before reduction.
     *
     * @param input one row per sample
     * @param labels one true class per row
     * @return the per-sample losses
     * @throws IllegalArgumentException as {@link #evaluate(Matrix, int[])}
     */
    public double[] losses(Matrix input, int[] labels) {
        return evaluate(input, labels).losses();
    }

    /**
     * One loss per row, before reduction.
     *
     * @param input one row per sample
     * @param targets one target distribution per row
     * @return the per-sample losses
     * @throws IllegalArgumentException as {@link #evaluate(Matrix, Matrix)}
     */
    public double[] losses(Matrix input, Matrix targets) {
        return evaluate(input, targets).losses();
    }

    /**
     * ∂(reduced loss)/∂input for integer labels.
     *
     * @param input one row per sample
     * @param labels one true class per row
     * @return the gradient, of the shape of {@code input}
     * @throws IllegalArgumentException as {@link #evaluate(Matrix, int[])}
     */
    public Matrix gradient(Matrix input, int[] labels) {
        return evaluate(input, labels).gradient();
    }

    /**
     * ∂(reduced loss)/∂input for target rows.
     *
     * @param input one row per sample
     * @param targets one target distribution per row
     * @return the gradient, of the shape of {@code input}
     * @throws IllegalArgumentException as {@link #evaluate(Matrix, Matrix)}
     */
    public Matrix gradient(Matrix input, Matrix targets) {
        return evaluate(input, targets).gradient();
    }

    // ---- what each form supplies ------------------------------------------------------------

    /** The input's name in messages: "z" or "p". */
    abstract String inputName();

    /** Rejects an input that is not a batch of this form's rows, naming {@code name}. */
    abstract void checkInput(String name, Matrix input);

    /** ℓ = −Σⱼ aⱼ log pⱼ for one row of coefficients a; its gradient times {@code scale} goes to grad. */
    abstract double row(double[] input, int from, int c, double[] a, double[] grad, double scale);

    // ---- the computation (CrossEntropyBatch) ---------------------------------------------------

    private LossResult<Matrix> evaluate(Matrix input, int[] labels, Reduction how, int threads) {
        return CrossEntropyBatch.labels(this, input, labels, how, threads);
    }

    /** Integer labels as rows of coefficients; the logit form overrides it with a faster one-hot path. */
    LossResult<Matrix> evaluateLabels(Matrix input, int[] labels, Reduction how, double scale, int threads) {
        return CrossEntropyBatch.coefficientRows(this, input, labels, how, scale, threads);
    }

    private LossResult<Matrix> evaluate(Matrix input, Matrix targets, Reduction how) {
        return CrossEntropyBatch.targets(this, input, targets, how);
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
                .append(isFromLogits() ? "logits" : "probabilities");
        if (eps() > 0) {
            sb.append(", eps = ").append(eps());
        }
        if (classWeights() != null) {
            sb.append(", class weights ").append(java.util.Arrays.toString(classWeights()));
        }
        if (labelSmoothing() > 0) {
            sb.append(", label smoothing ").append(labelSmoothing());
        }
        ignoreIndex().ifPresent(k -> sb.append(", ignored label ").append(k));
        return sb.append(", reduction ").append(reduction()).append(')').toString();
    }
}
