package org.softmaxcourse.eval;

import java.util.ArrayList;
import java.util.List;
import org.softmaxcourse.classify.Decisions;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * How good a classifier's predictions are: accuracy, the confusion matrix, per-class precision and
 * recall, and the log-loss of its probabilities.
 *
 * <p>Predicted labels may include {@link #UNDECIDED} (−1) for inputs a rule left without a class
 * (see {@link Decisions}); they count as wrong.
 */
public final class Metrics {
    /** The predicted label of an input that got no class; the same as {@link Decisions#UNDECIDED}. */
    public static final int UNDECIDED = Decisions.UNDECIDED;

    private Metrics() {
    }

    /**
     * The share of inputs whose predicted label is the true one: (1/n) Σ [ŷᵢ = yᵢ].
     *
     * @param truth the true labels
     * @param predicted the predicted labels
     * @return the share of inputs whose predicted label is the true one: (1/n) Σ [ŷᵢ = yᵢ]
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double accuracy(int[] truth, int[] predicted) {
        checkPair(truth, predicted);
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0) {
                throw new IllegalArgumentException("truth[" + i + "] = " + truth[i] + " is not a class label: labels are 0 or more");
            }
            if (predicted[i] < UNDECIDED) {
                throw new IllegalArgumentException("predicted[" + i + "] = " + predicted[i]
                        + " is neither a class label nor UNDECIDED (" + UNDECIDED + ")");
            }
            if (predicted[i] == truth[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }

    /**
     * The confusion matrix with classes named "0", "1", …, C − 1.
     *
     * @param truth the true labels
     * @param predicted the predicted labels
     * @param classes the number of classes C
     * @return the confusion matrix with classes named "0", "1", …, C − 1
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static ConfusionMatrix confusionMatrix(int[] truth, int[] predicted, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes = " + classes + " must be at least 1");
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add(Integer.toString(k));
        }
        return confusionMatrix(truth, predicted, names);
    }

    /**
     * The confusion matrix: entry [t][p] counts the inputs of class t predicted as p; inputs
     * predicted {@link #UNDECIDED} are counted per true class apart.
     *
     * @param truth the true labels
     * @param predicted the predicted labels
     * @param classNames one name per class
     * @return the confusion matrix
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static ConfusionMatrix confusionMatrix(int[] truth, int[] predicted, List<String> classNames) {
        checkPair(truth, predicted);
        if (classNames == null || classNames.isEmpty()) {
            throw new IllegalArgumentException("classNames is " + (classNames == null ? "null" : "empty"));
        }
        int c = classNames.size();
        Require.labels("truth", truth, c);
        int[][] counts = new int[c][c];
        int[] undecided = new int[c];
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == UNDECIDED) {
                undecided[truth[i]]++;
            } else {
                Require.label("predicted[" + i + "]", predicted[i], c);
                counts[truth[i]][predicted[i]]++;
            }
        }
        return new ConfusionMatrix(classNames, counts, undecided);
    }

    /**
     * The confusion matrix of a rule's decisions (undecided inputs in their own column).
     *
     * @param truth the true labels
     * @param decisions a rule's decisions
     * @param classNames one name per class
     * @return the confusion matrix of a rule's decisions (undecided inputs in their own column)
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static ConfusionMatrix confusionMatrix(int[] truth, Decisions decisions, List<String> classNames) {
        if (decisions == null) {
            throw new IllegalArgumentException("decisions is null");
        }
        return confusionMatrix(truth, decisions.labels(), classNames);
    }

    /**
     * Per-class precision, recall and F1, accuracy and macro averages.
     *
     * @param truth the true labels
     * @param predicted the predicted labels
     * @param classNames one name per class
     * @return per-class precision, recall and F1, accuracy and macro averages
     */
    public static ClassificationReport report(int[] truth, int[] predicted, List<String> classNames) {
        return confusionMatrix(truth, predicted, classNames).report();
    }

    /**
     * The log-loss (mean categorical cross-entropy) of predicted distributions: −(1/n) Σᵢ log
     * pᵢ,yᵢ. Each row of {@code probabilities} must be a distribution over the classes (so the
     * one-vs-rest σ's, which need not sum to 1, are rejected). Exact: a true class given
     * probability 0 costs +∞, where scikit-learn's {@code log_loss} clips p to [1e-15, 1 − 1e-15].
     *
     * @param truth the true labels
     * @param probabilities one predicted distribution per row
     * @return the log-loss (mean categorical cross-entropy) of predicted distributions: −(1/n) Σᵢ log pᵢ,yᵢ
     */
    public static double logLoss(int[] truth, Matrix probabilities) {
        return CategoricalCrossEntropy.fromProbabilities().loss(probabilities, truth);
    }

    /**
     * The binary log-loss −(1/n) Σᵢ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)] of probabilities of class 1
     * (as {@code LogisticRegression.probabilities} returns them). Exact, like {@link
     * #logLoss(int[], Matrix)}.
     *
     * @param truth the true labels
     * @param probabilityOfClass1 P(y = 1 | x) for each sample
     * @return the binary log-loss
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static double logLoss(int[] truth, double[] probabilityOfClass1) {
        Require.nonEmpty("truth", truth);
        Require.labels("truth", truth, 2);
        double[] y = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            y[i] = truth[i];
        }
        return BinaryCrossEntropy.fromProbabilities().loss(probabilityOfClass1, y);
    }

    private static void checkPair(int[] truth, int[] predicted) {
        Require.nonEmpty("truth", truth);
        Require.nonEmpty("predicted", predicted);
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("shape mismatch: truth has " + truth.length + " labels but predicted has "
                    + predicted.length);
        }
    }
}
