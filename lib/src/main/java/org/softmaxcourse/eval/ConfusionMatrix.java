package org.softmaxcourse.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * Counts of (true class, predicted class) pairs: entry [t][p] is the number of inputs of class t
 * predicted as p, so the diagonal holds the correct ones. Inputs a rule left without a class
 * (ambiguous, unclassified or tied, label {@link Metrics#UNDECIDED}) are counted per true class in
 * {@code undecided}, a column of their own.
 *
 * @param classNames C class names
 * @param counts     C × C counts, rows = true class, columns = predicted class
 * @param undecided  per true class, the inputs that got no class
 */
public record ConfusionMatrix(List<String> classNames, int[][] counts, int[] undecided) {

    /**
     * Checks and copies the counts.
     *
     * @param classNames C class names
     * @param counts     C × C counts, rows = true class, columns = predicted class
     * @param undecided  per true class, the inputs that got no class
     * @throws IllegalArgumentException if the shapes disagree or a count is negative
     */
    public ConfusionMatrix {
        if (classNames == null || classNames.isEmpty()) {
            throw new IllegalArgumentException("classNames is " + (classNames == null ? "null" : "empty"));
        }
        int c = classNames.size();
        if (counts == null || counts.length != c || undecided == null || undecided.length != c) {
            throw new IllegalArgumentException("shape mismatch: " + c + " classes need " + c + " × " + c
                    + " counts and " + c + " undecided counts");
        }
        int[][] copy = new int[c][];
        for (int t = 0; t < c; t++) {
            if (counts[t] == null || counts[t].length != c) {
                throw new IllegalArgumentException("ragged rows: counts[" + t + "] has "
                        + (counts[t] == null ? "none (null)" : counts[t].length) + " entries, expected " + c);
            }
            copy[t] = counts[t].clone();
            for (int p = 0; p < c; p++) {
                if (copy[t][p] < 0) {
                    throw new IllegalArgumentException("counts[" + t + "][" + p + "] = " + copy[t][p] + " is negative");
                }
            }
            if (undecided[t] < 0) {
                throw new IllegalArgumentException("undecided[" + t + "] = " + undecided[t] + " is negative");
            }
        }
        classNames = List.copyOf(classNames);
        counts = copy;
        undecided = undecided.clone();
    }

    /**
     * A copy of the counts.
     *
     * @return a copy of the counts
     */
    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    /**
     * Per true class, the inputs that got no class.
     *
     * @return a copy of the undecided counts
     */
    @Override
    public int[] undecided() {
        return undecided.clone();
    }

    /**
     * The number of classes C.
     *
     * @return the number of classes C
     */
    public int classes() {
        return classNames.size();
    }

    /**
     * The inputs of class {@code truth} predicted as {@code predicted}.
     *
     * @param truth the true class
     * @param predicted the predicted class
     * @return the inputs of class {@code truth} predicted as {@code predicted}
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public int count(int truth, int predicted) {
        Require.label("truth", truth, classes());
        Require.label("predicted", predicted, classes());
        return counts[truth][predicted];
    }

    /**
     * All inputs.
     *
     * @return all inputs
     */
    public int total() {
        int n = 0;
        for (int t = 0; t < classes(); t++) {
            n += support(t);
        }
        return n;
    }

    /**
     * The inputs on the diagonal.
     *
     * @return the inputs on the diagonal
     */
    public int correct() {
        int n = 0;
        for (int k = 0; k < classes(); k++) {
            n += counts[k][k];
        }
        return n;
    }

    /**
     * All inputs left without a class.
     *
     * @return all inputs left without a class
     */
    public int totalUndecided() {
        return Arrays.stream(undecided).sum();
    }

    /**
     * correct / total.
     *
     * @return correct / total
     */
    public double accuracy() {
        return (double) correct() / total();
    }

    /**
     * The inputs of class {@code truth}: its row total, undecided ones included.
     *
     * @param truth the true class
     * @return the inputs of class {@code truth}: its row total, undecided ones included
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public int support(int truth) {
        Require.label("truth", truth, classes());
        return Arrays.stream(counts[truth]).sum() + undecided[truth];
    }

    /**
     * The inputs predicted as class {@code predicted}: its column total.
     *
     * @param predicted the predicted class
     * @return the inputs predicted as class {@code predicted}: its column total
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public int predictedCount(int predicted) {
        Require.label("predicted", predicted, classes());
        int n = 0;
        for (int[] row : counts) {
            n += row[predicted];
        }
        return n;
    }

    /**
     * Precision, recall and F1 per class, with accuracy and macro averages.
     *
     * @return the report
     */
    public ClassificationReport report() {
        List<ClassMetrics> perClass = new ArrayList<>();
        double[] sums = new double[3];
        int[] defined = new int[3];
        for (int k = 0; k < classes(); k++) {
            int tp = counts[k][k];
            int predicted = predictedCount(k);
            int support = support(k);
            double precision = predicted == 0 ? Double.NaN : (double) tp / predicted;
            double recall = support == 0 ? Double.NaN : (double) tp / support;
            double f1 = Double.isNaN(precision) || Double.isNaN(recall) ? Double.NaN
                    : precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(k, classNames.get(k), precision, recall, f1, support, predicted));
            double[] values = {precision, recall, f1};
            for (int m = 0; m < 3; m++) {
                if (!Double.isNaN(values[m])) {
                    sums[m] += values[m];
                    defined[m]++;
                }
            }
        }
        return new ClassificationReport(perClass, accuracy(), mean(sums[0], defined[0]), mean(sums[1], defined[1]),
                mean(sums[2], defined[2]), total(), totalUndecided());
    }

    private static double mean(double sum, int n) {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The counts as an aligned text table, true classes down, predicted across. */
    @Override
    public String toString() {
        boolean anyUndecided = totalUndecided() > 0;
        int width = 5;
        for (String name : classNames) {
            width = Math.max(width, name.length());
        }
        if (anyUndecided) {
            width = Math.max(width, "undecided".length());
        }
        String cell = "%" + (width + 1) + "s";
        StringBuilder sb = new StringBuilder("ConfusionMatrix (rows: true class, columns: predicted), accuracy ")
                .append(org.softmaxcourse.numeric.Numbers.percent(accuracy())).append('\n').append(String.format(cell, ""));
        for (String name : classNames) {
            sb.append(String.format(cell, name));
        }
        if (anyUndecided) {
            sb.append(String.format(cell, "undecided"));
        }
        for (int t = 0; t < classes(); t++) {
            sb.append('\n').append(String.format(cell, classNames.get(t)));
            for (int p = 0; p < classes(); p++) {
                sb.append(String.format(cell, counts[t][p]));
            }
            if (anyUndecided) {
                sb.append(String.format(cell, undecided[t]));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && m.classNames.equals(classNames) && Arrays.deepEquals(m.counts, counts)
                && Arrays.equals(m.undecided, undecided);
    }

    @Override
    public int hashCode() {
        return classNames.hashCode() * 31 + Arrays.deepHashCode(counts);
    }
}
