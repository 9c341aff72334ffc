package org.softmaxcourse.numeric;

/**
 * Argument checks shared by the library. Each throws {@link IllegalArgumentException} with a
 * message that names the argument and shows the offending value, index or shape, so that bad
 * input never surfaces later as a silent NaN or an index error from deep inside a loop.
 */
public final class Require {
    private Require() {
    }

    /**
     * Rejects a null or empty vector.
     *
     * @param name the argument's name, for the message
     * @param values the values to check
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void nonEmpty(String name, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty: it needs at least one entry");
        }
    }

    /**
     * Rejects a null or empty label vector.
     *
     * @param name the argument's name, for the message
     * @param values the values to check
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void nonEmpty(String name, int[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty: it needs at least one entry");
        }
    }

    /**
     * Rejects a null matrix or one with no rows.
     *
     * @param name the argument's name, for the message
     * @param m the matrix to check
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void nonEmpty(String name, Matrix m) {
        if (m == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (m.rows() == 0) {
            throw new IllegalArgumentException(name + " has no rows: it needs at least one sample");
        }
    }

    /**
     * Rejects a NaN.
     *
     * @param name the argument's name, for the message
     * @param value the value to check
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void notNaN(String name, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " is NaN");
        }
    }

    /**
     * Rejects a vector holding a NaN, naming its index.
     *
     * @param name the argument's name, for the message
     * @param values the values to check
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void noNaN(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
        }
    }

    /**
     * Rejects a matrix holding a NaN, naming its row and column.
     *
     * @param name the argument's name, for the message
     * @param m the matrix to check
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void noNaN(String name, Matrix m) {
        double[] d = m.data();
        for (int k = 0; k < d.length; k++) {
            if (Double.isNaN(d[k])) {
                throw new IllegalArgumentException(
                        name + "[" + k / m.cols() + "][" + k % m.cols() + "] is NaN");
            }
        }
    }

    /**
     * Rejects a value outside [0, 1] (NaN included).
     *
     * @param name the argument's name, for the message
     * @param value the value to check
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void probability(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(
                    name + " = " + value + " is not a probability: it must lie in [0, 1]");
        }
    }

    /**
     * Rejects a vector with an entry outside [0, 1], naming its index.
     *
     * @param name the argument's name, for the message
     * @param values the values to check
     */
    public static void probabilities(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            probability(name + "[" + i + "]", values[i]);
        }
    }

    /**
     * Rejects a matrix with an entry outside [0, 1], naming its row and column.
     *
     * @param name the argument's name, for the message
     * @param m the matrix to check
     */
    public static void probabilities(String name, Matrix m) {
        double[] d = m.data();
        for (int k = 0; k < d.length; k++) {
            if (!(d[k] >= 0.0 && d[k] <= 1.0)) {
                probability(name + "[" + k / m.cols() + "][" + k % m.cols() + "]", d[k]);
            }
        }
    }

    /**
     * Rejects two vectors of different lengths.
     *
     * @param aName the first argument's name
     * @param a the factor a
     * @param bName the second argument's name
     * @param b the second argument
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void sameLength(String aName, double[] a, String bName, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("shape mismatch: " + aName + " has " + a.length
                    + " entries but " + bName + " has " + b.length);
        }
    }

    /**
     * Rejects two matrices of different shapes.
     *
     * @param aName the first argument's name
     * @param a the factor a
     * @param bName the second argument's name
     * @param b the second argument
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void sameShape(String aName, Matrix a, String bName, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("shape mismatch: " + aName + " is " + a.shape()
                    + " but " + bName + " is " + b.shape());
        }
    }

    /**
     * Rejects a label vector whose length is not the number of rows of {@code m}.
     *
     * @param mName the matrix's name
     * @param m the matrix to check
     * @param labelsName the labels' name
     * @param labels class labels
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void oneLabelPerRow(String mName, Matrix m, String labelsName, int[] labels) {
        if (m.rows() != labels.length) {
            throw new IllegalArgumentException("shape mismatch: " + mName + " is " + m.shape()
                    + " (one row per sample) but " + labelsName + " has " + labels.length + " labels");
        }
    }

    /**
     * Rejects a class label outside {@code [0, classes)}.
     *
     * @param name the argument's name, for the message
     * @param label a class label
     * @param classes the number of classes C
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void label(String name, int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException(name + " = " + label + " is not a class label: with "
                    + classes + " classes labels run from 0 to " + (classes - 1));
        }
    }

    /**
     * Rejects a vector holding a label outside {@code [0, classes)}, naming its index.
     *
     * @param name the argument's name, for the message
     * @param labels class labels
     * @param classes the number of classes C
     */
    public static void labels(String name, int[] labels, int classes) {
        for (int i = 0; i < labels.length; i++) {
            label(name + "[" + i + "]", labels[i], classes);
        }
    }

    /**
     * Rejects a number that is NaN, infinite or not strictly positive.
     *
     * @param name the argument's name, for the message
     * @param value the value to check
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void positiveFinite(String name, double value) {
        if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " = " + value + " must be finite and greater than 0");
        }
    }
    /** How far a probability vector's sum may stray from 1 (rounding in the caller's arithmetic). */
    public static final double SUM_TOLERANCE = 1e-6;

    /**
     * Rejects a vector that is not a probability distribution: an entry outside [0, 1] or a sum
     * further than {@link #SUM_TOLERANCE} from 1.
     *
     * @param name the argument's name, for the message
     * @param values the values to check
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void distribution(String name, double[] values) {
        probabilities(name, values);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException(name + " sums to " + sum
                    + ", not 1: it must be a probability distribution over the classes");
        }
    }

    /**
     * Rejects a matrix whose rows are not probability distributions, naming the row.
     *
     * @param name the argument's name, for the message
     * @param m the matrix to check
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static void distributions(String name, Matrix m) {
        probabilities(name, m);
        double[] d = m.data();
        int c = m.cols();
        for (int i = 0; i < m.rows(); i++) {
            double sum = 0;
            for (int j = i * c; j < (i + 1) * c; j++) {
                sum += d[j];
            }
            if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
                throw new IllegalArgumentException(name + " row " + i + " sums to " + sum
                        + ", not 1: each row must be a probability distribution over the classes");
            }
        }
    }
}
