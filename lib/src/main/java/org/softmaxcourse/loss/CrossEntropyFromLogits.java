package org.softmaxcourse.loss;

import org.softmaxcourse.internal.kernel.CrossEntropyKernels;
import org.softmaxcourse.internal.kernel.Parallel;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * Categorical cross-entropy on logit rows, the form to train with:
 *
 * <pre>
 *   ℓ(z, y) = −Σⱼ aⱼ log softmax(z)ⱼ = (Σⱼ aⱼ)·logsumexp(z) − Σⱼ aⱼ zⱼ      ∂ℓ/∂zⱼ = (Σa)·softmax(z)ⱼ − aⱼ
 * </pre>
 *
 * which for a one-hot target (a = eₖ) is logsumexp(z) − zₖ with gradient p − y, the one-line
 * result of the course. It never forms p, so it is finite for every finite logit. Loss and
 * gradient come from the row kernels of {@link CrossEntropyKernels}. Made by
 * {@link CategoricalCrossEntropy#fromLogits()}.
 */
final class CrossEntropyFromLogits extends CategoricalCrossEntropy {
    CrossEntropyFromLogits(CrossEntropyOptions options) {
        super(options);
    }

    @Override
    CategoricalCrossEntropy with(CrossEntropyOptions options) {
        return new CrossEntropyFromLogits(options);
    }

    @Override
    public CategoricalCrossEntropy withEps(double eps) {
        throw new IllegalArgumentException("eps = " + eps
                + ": the logit form is finite for every finite logit and takes no eps");
    }

    @Override
    public boolean isFromLogits() {
        return true;
    }

    @Override
    String inputName() {
        return "z";
    }

    @Override
    void checkInput(String name, Matrix input) {
        Require.nonEmpty(name, input);
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

    @Override
    double row(double[] z, int from, int c, double[] a, double[] grad, double scale) {
        return CrossEntropyKernels.logitRow(z, from, c, a, grad, scale);
    }

    /**
     * Integer labels without smoothing: the one-hot kernel, with no validation pass over the
     * logits or the labels. A NaN, an all −∞ row or a label out of range turns its loss into NaN,
     * and only then are the inputs scanned, in order, to name the first offender.
     */
    @Override
    LossResult<Matrix> evaluateLabels(Matrix input, int[] labels, Reduction how, double scale, int threads) {
        if (options.smoothing() != 0) {
            return super.evaluateLabels(input, labels, how, scale, threads);
        }
        ClassWeighting weighting = options.weighting();
        int n = input.rows();
        int c = input.cols();
        double[] losses = new double[n];
        double[] grad = new double[n * c];
        double[] z = input.data();
        Parallel.forRange(n, threads, (from, to) -> {
            for (int i = from; i < to; i++) {
                int k = labels[i];
                if (weighting.ignores(k)) {
                    losses[i] = CrossEntropyKernels.validLogitRow(z, i * c, c) ? 0.0 : Double.NaN;
                } else if (k < 0 || k >= c) {
                    losses[i] = Double.NaN;
                } else {
                    losses[i] = CrossEntropyKernels.labelRow(z, i * c, c, k, weighting.weight(k), grad, scale);
                }
            }
        });
        LossResult<Matrix> result = CrossEntropyBatch.result(losses, how, scale, n, c, grad);
        if (Double.isNaN(result.value())) {
            weighting.checkLabels(labels, c);
            checkInput(inputName(), input);
            throw new IllegalStateException("a loss is NaN although " + inputName() + " and labels passed validation");
        }
        return result;
    }
}
