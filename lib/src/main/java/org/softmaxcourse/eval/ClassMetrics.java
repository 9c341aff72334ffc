package org.softmaxcourse.eval;

import org.softmaxcourse.numeric.Matrix;

/**
 * Precision, recall and F1 of one class, read off a {@link ConfusionMatrix}:
 *
 * <pre>
 *   precision = TP / (TP + FP)   of the inputs predicted as this class, the share that are it
 *   recall    = TP / (TP + FN)   of the inputs of this class, the share predicted as it
 *   F1        = 2 · precision · recall / (precision + recall)
 * </pre>
 *
 * <p>An input the rule left undecided counts as a false negative of its true class. A ratio
 * whose denominator is 0 (no input predicted as the class, or none of it in the data) is
 * undefined and reported as NaN; scikit-learn reports 0 there, with a warning.
 *
 * @param label     the class index
 * @param name      the class name
 * @param precision TP / (TP + FP), NaN if nothing was predicted as this class
 * @param recall    TP / (TP + FN), NaN if the class has no inputs
 * @param f1        the harmonic mean of precision and recall (0 if both are 0, NaN if either is NaN)
 * @param support   inputs of this class (TP + FN)
 * @param predicted inputs predicted as this class (TP + FP)
 */
public record ClassMetrics(int label, String name, double precision, double recall, double f1, int support,
                           int predicted) {

    /** E.g. {@code versicolor: precision 0.9, recall 0.9, F1 0.9, support 10, predicted 10}. */
    @Override
    public String toString() {
        return name + ": precision " + Matrix.format(precision) + ", recall " + Matrix.format(recall) + ", F1 "
                + Matrix.format(f1) + ", support " + support + ", predicted " + predicted;
    }
}
