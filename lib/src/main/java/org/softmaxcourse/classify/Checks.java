package org.softmaxcourse.classify;

import java.util.Arrays;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/** The argument checks the models share; each names the argument and the offending value. */
final class Checks {
    private Checks() {
    }

    /**
     * Training data: a non-empty n × d matrix of finite numbers, n labels in {@code 0 .. classes
     * − 1}, and at least one sample of every class (a model cannot learn a class it never sees).
     */
    static void trainingData(Matrix x, int[] y, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes = " + classes + " must be at least 2");
        }
        Require.nonEmpty("x", x);
        finite("x", x);
        Require.nonEmpty("y", y);
        Require.oneLabelPerRow("x", x, "y", y);
        Require.labels("y", y, classes);
        int[] counts = new int[classes];
        for (int label : y) {
            counts[label]++;
        }
        for (int k = 0; k < classes; k++) {
            if (counts[k] == 0) {
                throw new IllegalArgumentException("class " + k + " is absent from the training data: y has "
                        + y.length + " labels, counted per class " + Arrays.toString(counts)
                        + "; every one of the " + classes + " classes needs at least one training sample");
            }
        }
    }

    /** Validation data, if given: both or neither, shaped like the training data. */
    static void validationData(Matrix vx, int[] vy, int features, int classes) {
        if (vx == null && vy == null) {
            return;
        }
        if (vx == null || vy == null) {
            throw new IllegalArgumentException((vx == null ? "validationX" : "validationY")
                    + " is null: give both validation features and labels, or neither");
        }
        input("validationX", vx, features);
        Require.nonEmpty("validationY", vy);
        Require.oneLabelPerRow("validationX", vx, "validationY", vy);
        Require.labels("validationY", vy, classes);
    }

    /** Input to a trained model: a non-empty matrix of finite numbers with {@code features} columns. */
    static void input(String name, Matrix x, int features) {
        Require.nonEmpty(name, x);
        if (x.cols() != features) {
            throw new IllegalArgumentException("shape mismatch: " + name + " is " + x.shape()
                    + " but the model was trained on " + features + (features == 1 ? " feature" : " features"));
        }
        finite(name, x);
    }

    /** Rejects NaN and ±∞, naming the row and column. */
    static void finite(String name, Matrix m) {
        double[] d = m.data();
        for (int k = 0; k < d.length; k++) {
            if (!Double.isFinite(d[k])) {
                throw new IllegalArgumentException(name + "[" + k / m.cols() + "][" + k % m.cols() + "] is "
                        + (Double.isNaN(d[k]) ? "NaN" : d[k] > 0 ? "+∞" : "−∞")
                        + ": every feature must be a finite number");
            }
        }
    }
}
