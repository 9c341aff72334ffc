package org.softmaxcourse.internal.kernel;

/**
 * The fast path of binary cross-entropy from logits, ℓ = P·y·softplus(−z) + (1 − y)·softplus(z)
 * with gradient (1 − y)·σ(z) − P·y·σ(−z), for a batch in one array. Not the course API:
 * {@code org.softmaxcourse.loss.BinaryCrossEntropy} states the loss and calls this.
 */
public final class BinaryCrossEntropyKernels {
    private BinaryCrossEntropyKernels() {
    }

    /**
     * Losses and scaled gradients of binary cross-entropy from logits for i in [from, to):
     * loss and gradient share one e = e^(−|z|): softplus(±z) = max(±z, 0) + log1p(e), the very
     * expression of {@code Softplus.softplus}, and the gradient of {@link #logitGradient}, at a
     * third of the exponentials and logs of computing them apart. An infinite z is left for the
     * caller (its terms need guards against 0·∞), which the return value says.
     *
     * <p>The work goes in blocks of {@value #BLOCK} samples, each in three passes (the
     * exponentials, their log1p, the rest; the first two use the outputs as scratch), with no
     * branch that depends on the data: one pass over all three steps is a long chain per sample
     * that the processor cannot overlap with the next samples, and took 1.7 times as long.
     *
     * @param input the logits, the whole batch
     * @param target the targets in [0, 1], the whole batch
     * @param posWeight P, the weight of the positive-class term
     * @param scale the factor of the reduction each gradient entry carries
     * @param losses where the per-sample losses go
     * @param gradient where the scaled gradient goes
     * @param from the first sample
     * @param to one past the last sample
     * @return whether an infinite z was left for the caller
     */
    public static boolean fromLogits(double[] input, double[] target, double posWeight, double scale,
                                     double[] losses, double[] gradient, int from, int to) {
        boolean infinite = false;
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            for (int i = start; i < end; i++) {
                gradient[i] = Exp.exp(-Math.abs(input[i]));
            }
            for (int i = start; i < end; i++) {
                losses[i] = Log1p.log1p(gradient[i]);
            }
            for (int i = start; i < end; i++) {
                double z = input[i];
                double y = target[i];
                if (Double.isInfinite(z)) {
                    infinite = true;
                    continue;
                }
                double e = gradient[i];
                double l1p = losses[i];
                losses[i] = posWeight * y * (Math.max(-z, 0.0) + l1p) + (1 - y) * (Math.max(z, 0.0) + l1p);
                gradient[i] = scale * logitGradient(z, y, e, posWeight);
            }
        }
        return infinite;
    }

    /** Samples per block of {@link #fromLogits}: the block's three arrays stay in the L1 cache. */
    private static final int BLOCK = 512;

    /**
     * ∂ℓ/∂z = (1 − y)·σ(z) − P·y·σ(−z) (which is σ(z) − y when P = 1), with both sigmoids over the
     * one denominator 1 + e, e = e^(−|z|): σ(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) below. For
     * y = 1 it is −σ(−z) exactly, where σ(z) − 1 would round σ(z) to 1 and report 0 for z ≳ 37
     * instead of −e^(−z); for y = 0 it is σ(z) exactly, both bit for bit {@code Sigmoid.sigmoid}.
     *
     * @param z the logit, finite
     * @param y the target in [0, 1]
     * @param e e^(−|z|)
     * @param posWeight P, the weight of the positive-class term
     * @return ∂ℓ/∂z = (1 − y)·σ(z) − P·y·σ(−z) (which is σ(z) − y when P = 1), with both sigmoids over the one denominator 1 + e, e = e^(−|z|): σ(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) below
     */
    public static double logitGradient(double z, double y, double e, double posWeight) {
        // 1 for z < 0 (and −0, where e = 1 and either choice gives ½), else 0: a select without a branch.
        double negative = (double) (Double.doubleToRawLongBits(z) >>> 63);
        double numerator = negative * e + (1 - negative);
        double numeratorOfMinusZ = (1 - negative) * e + negative;
        return ((1 - y) * numerator - posWeight * y * numeratorOfMinusZ) / (1 + e);
    }
}
