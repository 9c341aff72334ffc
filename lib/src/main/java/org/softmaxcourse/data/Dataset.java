package org.softmaxcourse.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * A labelled classification data set: one sample per row of {@code features}, its class in
 * {@code labels} (0-based, an index into {@code classNames}), and names for the columns and the
 * classes so that tables and plots can say what they show.
 *
 * <p>Every feature is a finite number (NaN and ±∞ are rejected when the data set is built) and
 * every label lies in {@code 0 .. classNames.size() − 1}. The label array is copied in and out,
 * so a data set cannot be changed through it; the feature matrix follows the library's rule for
 * matrices: it is not copied, and no code in the library writes to it.
 *
 * @param name         a short name for titles, e.g. {@code "iris"}
 * @param features     n × d, one sample per row
 * @param labels       n class labels
 * @param featureNames d column names
 * @param classNames   C class names; label k means {@code classNames.get(k)}
 */
public record Dataset(String name, Matrix features, int[] labels, List<String> featureNames,
                      List<String> classNames) {

    /**
     * Checks the data and copies the labels and the name lists.
     *
     * @param name         a short name for titles, not blank
     * @param features     n × d, at least one row, every entry finite
     * @param labels       n class labels, each in {@code 0 .. classNames.size() − 1}
     * @param featureNames d distinct column names
     * @param classNames   C distinct class names
     * @throws IllegalArgumentException if an argument is null or empty, {@code name} is blank, a
     *         feature is NaN or ±∞, the shapes disagree, a name is null or repeated, or a label is
     *         not a class (the message names the argument and its value)
     */
    public Dataset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is " + (name == null ? "null" : "blank"));
        }
        Require.nonEmpty("features", features);
        Require.nonEmpty("labels", labels);
        Require.oneLabelPerRow("features", features, "labels", labels);
        requireFinite("features", features);
        featureNames = namesOf("featureNames", featureNames);
        classNames = namesOf("classNames", classNames);
        if (featureNames.size() != features.cols()) {
            throw new IllegalArgumentException("shape mismatch: features is " + features.shape()
                    + " but featureNames has " + featureNames.size() + " names");
        }
        labels = labels.clone();
        Require.labels("labels", labels, classNames.size());
    }

    /**
     * A copy of the labels.
     *
     * @return the n class labels, a fresh array
     */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /**
     * The number of samples n.
     *
     * @return the number of rows
     */
    public int size() {
        return labels.length;
    }

    /**
     * The number of features d.
     *
     * @return the number of columns
     */
    public int featureCount() {
        return features.cols();
    }

    /**
     * The number of classes C.
     *
     * @return the number of class names
     */
    public int classCount() {
        return classNames.size();
    }

    /**
     * How many samples each class has.
     *
     * @return C counts, indexed by label
     */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * The name of class {@code label}.
     *
     * @param label a class label
     * @return its name
     * @throws IllegalArgumentException if {@code label} is not in {@code 0 .. C − 1}
     */
    public String className(int label) {
        Require.label("label", label, classCount());
        return classNames.get(label);
    }

    /**
     * The index of the feature called {@code featureName}.
     *
     * @param featureName a feature name, exactly as in {@link #featureNames()}
     * @return its column index
     * @throws IllegalArgumentException if no feature has that name (the message lists the names)
     */
    public int featureIndex(String featureName) {
        int j = featureNames.indexOf(featureName);
        if (j < 0) {
            throw new IllegalArgumentException("featureName = \"" + featureName + "\" is not a feature of "
                    + name + "; its features are " + featureNames);
        }
        return j;
    }

    /**
     * The rows {@code rows} (in that order) as a new data set with the same names.
     *
     * @param rows row indices, at least one; a row may be repeated
     * @return a data set of {@code rows.length} samples
     * @throws IllegalArgumentException if {@code rows} is null or empty, or an index is outside
     *         {@code 0 .. n − 1}
     */
    public Dataset rows(int[] rows) {
        Require.nonEmpty("rows", rows);
        int d = featureCount();
        double[] out = new double[rows.length * d];
        int[] outLabels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= size()) {
                throw new IllegalArgumentException("rows[" + i + "] = " + rows[i] + " is outside 0.."
                        + (size() - 1));
            }
            System.arraycopy(features.data(), rows[i] * d, out, i * d, d);
            outLabels[i] = labels[rows[i]];
        }
        return new Dataset(name, Matrix.wrap(rows.length, d, out), outLabels, featureNames, classNames);
    }

    /**
     * The same samples with only the named features, in the order given: for example
     * {@code iris.withFeatures("petal length (cm)", "petal width (cm)")} for 2-D pictures.
     *
     * @param names feature names, at least one
     * @return a data set with {@code names.length} features
     * @throws IllegalArgumentException if {@code names} is null or empty, a name is not a feature,
     *         or a name is given twice
     */
    public Dataset withFeatures(String... names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("names is empty: keep at least one feature");
        }
        int[] columns = new int[names.length];
        for (int k = 0; k < names.length; k++) {
            columns[k] = featureIndex(names[k]);
        }
        return withFeatures(columns);
    }

    /**
     * The same samples with only the feature columns {@code columns}, in that order.
     *
     * @param columns column indices, at least one
     * @return a data set with {@code columns.length} features
     * @throws IllegalArgumentException if {@code columns} is null or empty, an index is outside
     *         {@code 0 .. d − 1}, or a column is given twice
     */
    public Dataset withFeatures(int... columns) {
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("columns is empty: keep at least one feature");
        }
        int d = featureCount();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < columns.length; k++) {
            if (columns[k] < 0 || columns[k] >= d) {
                throw new IllegalArgumentException("columns[" + k + "] = " + columns[k] + " is outside 0.."
                        + (d - 1));
            }
            names.add(featureNames.get(columns[k]));
        }
        int n = size();
        double[] out = new double[n * columns.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < columns.length; k++) {
                out[i * columns.length + k] = features.data()[i * d + columns[k]];
            }
        }
        return new Dataset(name, Matrix.wrap(n, columns.length, out), labels, names, classNames);
    }

    /**
     * The same labels and names over other features of the same shape (e.g. standardised ones).
     *
     * @param newFeatures n × d, every entry finite; not copied
     * @return a data set with the new features
     * @throws IllegalArgumentException if {@code newFeatures} is null, differs in shape, or holds
     *         NaN or ±∞
     */
    public Dataset withFeatureMatrix(Matrix newFeatures) {
        Require.nonEmpty("newFeatures", newFeatures);
        Require.sameShape("newFeatures", newFeatures, "features", features);
        return new Dataset(name, newFeatures, labels, featureNames, classNames);
    }

    /**
     * A seeded, stratified split into a training and a test part; see {@link
     * Split#stratified(Dataset, double, long)} for the exact procedure.
     *
     * @param testFraction the share of each class that goes to the test part, in (0, 1)
     * @param seed         the seed of the shuffle
     * @return the split, with raw features
     * @throws IllegalArgumentException if {@code testFraction} is outside (0, 1), leaves a class
     *         without training samples, or leaves the test part empty
     */
    public Split split(double testFraction, long seed) {
        return Split.stratified(this, testFraction, seed);
    }

    /** E.g. {@code Dataset iris: 150 samples × 4 features, 3 classes (setosa 50, …)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Dataset ").append(name).append(": ").append(size())
                .append(size() == 1 ? " sample × " : " samples × ").append(featureCount())
                .append(featureCount() == 1 ? " feature, " : " features, ").append(classCount())
                .append(" classes (");
        int[] counts = classCounts();
        for (int k = 0; k < counts.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(classNames.get(k)).append(' ').append(counts[k]);
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset other && other.name.equals(name) && other.features.equals(features)
                && Arrays.equals(other.labels, labels) && other.featureNames.equals(featureNames)
                && other.classNames.equals(classNames);
    }

    @Override
    public int hashCode() {
        return ((name.hashCode() * 31 + features.hashCode()) * 31 + Arrays.hashCode(labels)) * 31
                + featureNames.hashCode() * 7 + classNames.hashCode();
    }

    private static List<String> namesOf(String what, List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException(what + " is " + (names == null ? "null" : "empty"));
        }
        for (int k = 0; k < names.size(); k++) {
            if (names.get(k) == null) {
                throw new IllegalArgumentException(what + "[" + k + "] is null");
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException(what + " " + names + " holds a name twice");
        }
        return List.copyOf(names);
    }

    /** Rejects NaN and ±∞: a feature has to be a measurement. */
    static void requireFinite(String name, Matrix m) {
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
