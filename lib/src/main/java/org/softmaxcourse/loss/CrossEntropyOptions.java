package org.softmaxcourse.loss;

/**
 * The settings of a {@link CategoricalCrossEntropy}: its reduction, class weighting, label
 * smoothing ε and clamping eps (0: exact). Each {@code with…} method of the loss returns a new
 * loss holding a copy of these with one setting changed.
 */
record CrossEntropyOptions(Reduction reduction, ClassWeighting weighting, double smoothing, double eps) {
    /** Mean reduction, every class of weight 1, nothing ignored, no smoothing, no clamping. */
    static final CrossEntropyOptions DEFAULT = new CrossEntropyOptions(Reduction.MEAN, ClassWeighting.NONE, 0.0, 0.0);

    CrossEntropyOptions withReduction(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction is null");
        }
        return new CrossEntropyOptions(reduction, weighting, smoothing, eps);
    }

    CrossEntropyOptions withWeighting(ClassWeighting weighting) {
        return new CrossEntropyOptions(reduction, weighting, smoothing, eps);
    }

    CrossEntropyOptions withSmoothing(double smoothing) {
        if (!(smoothing >= 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("labelSmoothing = " + smoothing + " must lie in [0, 1]");
        }
        return new CrossEntropyOptions(reduction, weighting, smoothing, eps);
    }

    CrossEntropyOptions withEps(double eps) {
        if (!(eps > 0 && eps < 0.5)) {
            throw new IllegalArgumentException("eps = " + eps + " must lie in (0, 0.5)");
        }
        return new CrossEntropyOptions(reduction, weighting, smoothing, eps);
    }
}
