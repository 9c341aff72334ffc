package org.softmaxcourse.loss;

import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * The hinge loss of a support-vector machine, ℓ(z, y) = max(0, m − t·z) with t = +1 for the
 * positive class and t = −1 for the negative one, and margin m (default 1). Shown for contrast
 * with {@link BinaryCrossEntropy}: it is 0, with gradient 0, for every sample classified right
 * by at least the margin, whereas cross-entropy keeps pushing; and its score z is not a
 * probability.
 *
 * <p>∂ℓ/∂z = −t where m − t·z &gt; 0 and 0 elsewhere; at the kink t·z = m the 0 is used (like
 * PyTorch's {@code MultiMarginLoss}).
 *
 * <p>Targets may use the course's labels {0, 1} or the SVM convention {−1, +1}: 1 is the
 * positive class, 0 and −1 the negative one; anything else is rejected. Scores may be ±∞ but not
 * NaN.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Hinge_loss">Hinge loss</a>
 */
public final class HingeLoss extends PointwiseLoss {
    private final double margin;

    private HingeLoss(double margin, Reduction reduction) {
        super(reduction);
        this.margin = margin;
    }

    /**
     * The hinge loss with margin 1, averaged over the batch.
     *
     * @return the hinge loss with margin 1, averaged over the batch
     */
    public static HingeLoss create() {
        return new HingeLoss(1.0, Reduction.MEAN);
    }

    /**
     * The same loss with margin {@code margin}, which must be finite and ≥ 0.
     *
     * @param margin the margin m, finite and at least 0
     * @return the same loss with margin {@code margin}, which must be finite and ≥ 0
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public HingeLoss withMargin(double margin) {
        if (!(margin >= 0 && margin < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("margin = " + margin + " must be finite and at least 0");
        }
        return new HingeLoss(margin, reduction());
    }

    /**
     * The same loss with another reduction.
     *
     * @param reduction how the per-sample losses are combined
     * @return the same loss with another reduction
     */
    public HingeLoss withReduction(Reduction reduction) {
        return new HingeLoss(margin, reduction);
    }

    /**
     * m.
     *
     * @return the margin m
     */
    public double margin() {
        return margin;
    }

    @Override
    protected double lossAt(double z, double y) {
        double t = y > 0 ? 1.0 : -1.0;
        return Math.max(0.0, margin - t * z);
    }

    @Override
    protected double derivativeAt(double z, double y) {
        double t = y > 0 ? 1.0 : -1.0;
        return margin - t * z > 0 ? -t : 0.0;
    }

    @Override
    protected String inputName() {
        return "z";
    }

    @Override
    protected void checkInput(String name, double value) {
        Require.notNaN(name, value);
    }

    @Override
    protected void checkTarget(String name, double value) {
        if (value != 1 && value != 0 && value != -1) {
            throw new IllegalArgumentException(name + " = " + value
                    + " is not a label for the hinge loss: use 1 for the positive class, 0 or -1 for the negative");
        }
    }

    @Override
    public String toString() {
        return "HingeLoss max(0, " + Matrix.format(margin) + " − t·z), reduction " + reduction();
    }
}
