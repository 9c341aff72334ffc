package org.softmaxcourse.loss;

import org.softmaxcourse.activation.Softplus;
import org.softmaxcourse.internal.kernel.BinaryCrossEntropyKernels;
import org.softmaxcourse.internal.kernel.Exp;
import org.softmaxcourse.numeric.Require;

/**
 * Binary cross-entropy on logits, ℓ(z, y) = P·y·softplus(−z) + (1 − y)·softplus(z) with
 * ∂ℓ/∂z = (1 − y)·σ(z) − P·y·σ(−z), which is σ(z) − y when P = 1: finite for every finite z.
 * Made by {@link BinaryCrossEntropy#fromLogits()}.
 */
final class BinaryCrossEntropyFromLogits extends BinaryCrossEntropy {
    BinaryCrossEntropyFromLogits(double posWeight, Reduction reduction) {
        super(posWeight, reduction);
    }

    @Override
    BinaryCrossEntropy with(double posWeight, Reduction reduction) {
        return new BinaryCrossEntropyFromLogits(posWeight, reduction);
    }

    @Override
    public BinaryCrossEntropy withEps(double eps) {
        throw new IllegalArgumentException("eps = " + eps
                + ": the logit form is finite for every finite logit and takes no eps");
    }

    @Override
    public boolean isFromLogits() {
        return true;
    }

    @Override
    protected double lossAt(double input, double y) {
        // A term whose weight is 0 is left out: 0·softplus(±∞) would be NaN.
        double wPos = posWeight * y;
        double pos = wPos == 0 ? 0.0 : wPos * Softplus.softplus(-input);
        double neg = y == 1 ? 0.0 : (1 - y) * Softplus.softplus(input);
        return pos + neg;
    }

    @Override
    protected double derivativeAt(double input, double y) {
        return BinaryCrossEntropyKernels.logitGradient(input, y, Exp.exp(-Math.abs(input)), posWeight);
    }

    /**
     * Loss and gradient share one e^(−|z|) (the fast kernel
     * {@link BinaryCrossEntropyKernels#fromLogits}); the values are bit for bit those of lossAt
     * and derivativeAt. An infinite z, whose terms need the guards of lossAt against 0·∞, goes
     * through lossAt itself.
     */
    @Override
    protected void evaluateRange(double[] input, double[] target, double scale, double[] losses, double[] gradient,
                                 int from, int to) {
        if (BinaryCrossEntropyKernels.fromLogits(input, target, posWeight, scale, losses, gradient, from, to)) {
            for (int i = from; i < to; i++) {
                if (Double.isInfinite(input[i])) {
                    losses[i] = lossAt(input[i], target[i]);
                    gradient[i] = scale * derivativeAt(input[i], target[i]);
                }
            }
        }
    }

    @Override
    protected String inputName() {
        return "z";
    }

    @Override
    protected void checkInput(String name, double value) {
        Require.notNaN(name, value);
    }
}
