package org.softmaxcourse.loss;

import org.softmaxcourse.numeric.Require;

/**
 * Binary cross-entropy on probabilities, ℓ(p, y) = −[P·y log p + (1 − y) log(1 − p)] with
 * ∂ℓ/∂p = −P·y/p + (1 − y)/(1 − p), exact unless clamped to [ε, 1 − ε]. Made by
 * {@link BinaryCrossEntropy#fromProbabilities()}.
 */
final class BinaryCrossEntropyFromProbabilities extends BinaryCrossEntropy {
    private final double eps;

    BinaryCrossEntropyFromProbabilities(double eps, double posWeight, Reduction reduction) {
        super(posWeight, reduction);
        this.eps = eps;
    }

    @Override
    BinaryCrossEntropy with(double posWeight, Reduction reduction) {
        return new BinaryCrossEntropyFromProbabilities(eps, posWeight, reduction);
    }

    @Override
    public BinaryCrossEntropy withEps(double eps) {
        if (!(eps > 0 && eps < 0.5)) {
            throw new IllegalArgumentException("eps = " + eps + " must lie in (0, 0.5)");
        }
        return new BinaryCrossEntropyFromProbabilities(eps, posWeight, reduction());
    }

    @Override
    public boolean isFromLogits() {
        return false;
    }

    @Override
    public double eps() {
        return eps;
    }

    @Override
    protected double lossAt(double input, double y) {
        // A term whose weight is 0 is left out: 0·log 0 would be NaN.
        double wPos = posWeight * y;
        double p = eps > 0 ? Math.min(Math.max(input, eps), 1 - eps) : input;
        // log1p(−p) keeps full precision for small p where log(1 − p) does not.
        double pos = wPos == 0 ? 0.0 : -wPos * Math.log(p);
        double neg = y == 1 ? 0.0 : -(1 - y) * Math.log1p(-p);
        return pos + neg;
    }

    @Override
    protected double derivativeAt(double input, double y) {
        if (eps > 0 && (input < eps || input > 1 - eps)) {
            return 0.0;
        }
        double wPos = posWeight * y;
        double pos = wPos == 0 ? 0.0 : -wPos / input;
        double neg = y == 1 ? 0.0 : (1 - y) / (1 - input);
        return pos + neg;
    }

    @Override
    protected String inputName() {
        return "p";
    }

    @Override
    protected void checkInput(String name, double value) {
        Require.probability(name, value);
    }
}
