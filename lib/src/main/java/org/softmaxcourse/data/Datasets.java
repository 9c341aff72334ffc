package org.softmaxcourse.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.softmaxcourse.numeric.Matrix;

/**
 * The three data sets shipped with the library (see the {@code README.md} next to the files in
 * {@code org/softmaxcourse/data/} for their sources and licences), as {@link Dataset}s
 * ({@code table.DatasetTables} shows them as tables).
 *
 * <ul>
 *   <li>{@link #breastCancer()}: 569 breast masses, 30 measurements, malignant (0) or benign
 *       (1); the course's stand-in for "is this a cat?".</li>
 *   <li>{@link #iris()}: 150 irises, 4 measurements in cm, 3 species.</li>
 *   <li>{@link #digits()}: 1797 handwritten digits as 8 × 8 images of ink counts 0–16, row by
 *       row (feature {@code pixel_r_c} is row r, column c).</li>
 * </ul>
 *
 * <p>Each call reads the file again and returns a fresh data set (a few milliseconds), so that
 * no caller can disturb another's copy. Column names are scikit-learn's.
 */
public final class Datasets {
    private static final String[] MEASUREMENTS = {"radius", "texture", "perimeter", "area", "smoothness",
        "compactness", "concavity", "concave points", "symmetry", "fractal dimension"};

    private Datasets() {
    }

    /**
     * Breast Cancer Wisconsin (Diagnostic): label 0 = malignant, 1 = benign.
     *
     * @return 569 samples × 30 features, 2 classes
     * @throws IllegalStateException if the data file is missing from the class path
     * @throws UncheckedIOException if the data file cannot be read
     */
    public static Dataset breastCancer() {
        List<String> names = new ArrayList<>();
        for (String m : MEASUREMENTS) {
            names.add("mean " + m);
        }
        for (String m : MEASUREMENTS) {
            names.add(m + " error");
        }
        for (String m : MEASUREMENTS) {
            names.add("worst " + m);
        }
        return load("breast_cancer.csv", "breast cancer", true, names, List.of("malignant", "benign"));
    }

    /**
     * Fisher's iris data: label 0 = setosa, 1 = versicolor, 2 = virginica.
     *
     * @return 150 samples × 4 features, 3 classes
     * @throws IllegalStateException if the data file is missing from the class path
     * @throws UncheckedIOException if the data file cannot be read
     */
    public static Dataset iris() {
        return load("iris.csv", "iris", true,
                List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
                List.of("setosa", "versicolor", "virginica"));
    }

    /**
     * The UCI handwritten digits: 8 × 8 images, label = the digit.
     *
     * @return 1797 samples × 64 features, 10 classes
     * @throws IllegalStateException if the data file is missing from the class path
     * @throws UncheckedIOException if the data file cannot be read
     */
    public static Dataset digits() {
        List<String> names = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                names.add("pixel_" + r + "_" + c);
            }
        }
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            classes.add(Integer.toString(k));
        }
        return load("digits.csv.gz", "digits", false, names, classes);
    }

    private static Dataset load(String file, String name, boolean header, List<String> featureNames,
                                List<String> classNames) {
        InputStream in = Datasets.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("the resource org/softmaxcourse/data/" + file
                    + " is missing from the class path: the library jar is incomplete");
        }
        try (InputStream raw = in;
             InputStream data = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             Reader reader = new InputStreamReader(data, StandardCharsets.UTF_8)) {
            return readCsv(name, reader, header, featureNames, classNames);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads a data set in scikit-learn's CSV layout: each line holds the d features and then the
     * integer label. With {@code header}, the first line is {@code n_samples,n_features,<class
     * names…>} and is checked against the rest of the file and the names given.
     *
     * <p>A line with the wrong number of fields (ragged rows), a field that is not a number, a
     * non-finite feature, a label that is not an integer in {@code 0 .. C − 1}, or a header that
     * disagrees with the data is rejected with an {@link IllegalArgumentException} naming the
     * data set, the line and the field.
     *
     * @param name         the data set's name, used in messages and titles
     * @param csv          the text; read to the end but not closed
     * @param header       whether the first line is scikit-learn's header
     * @param featureNames the d feature names
     * @param classNames   the C class names
     * @return the data set
     * @throws IOException if reading {@code csv} fails
     * @throws IllegalArgumentException if an argument is null, or the text is malformed as
     *         described above
     */
    public static Dataset readCsv(String name, Reader csv, boolean header, List<String> featureNames,
                                  List<String> classNames) throws IOException {
        if (csv == null || featureNames == null || classNames == null) {
            throw new IllegalArgumentException((csv == null ? "csv" : featureNames == null ? "featureNames"
                    : "classNames") + " is null");
        }
        int d = featureNames.size();
        BufferedReader lines = new BufferedReader(csv);
        int lineNo = 0;
        int declaredRows = -1;
        if (header) {
            String first = lines.readLine();
            lineNo++;
            if (first == null) {
                throw new IllegalArgumentException(name + " is empty: the header line is missing");
            }
            String[] h = first.split(",", -1);
            declaredRows = headerInt(name, h, 0, "n_samples");
            int declaredFeatures = headerInt(name, h, 1, "n_features");
            if (declaredFeatures != d) {
                throw new IllegalArgumentException(name + " line 1 declares " + declaredFeatures
                        + " features but " + d + " feature names were given");
            }
            List<String> declaredClasses = new ArrayList<>();
            for (int k = 2; k < h.length; k++) {
                declaredClasses.add(h[k].trim());
            }
            if (!declaredClasses.equals(classNames)) {
                throw new IllegalArgumentException(name + " line 1 names the classes " + declaredClasses
                        + " but " + classNames + " were given");
            }
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != d + 1) {
                throw new IllegalArgumentException("ragged rows: " + name + " line " + lineNo + " has "
                        + fields.length + " fields, expected " + (d + 1) + " (" + d + " features and the label)");
            }
            double[] row = new double[d];
            for (int j = 0; j < d; j++) {
                row[j] = number(name, lineNo, j, featureNames.get(j), fields[j]);
            }
            rows.add(row);
            labels.add(label(name, lineNo, fields[d], classNames));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + " has no samples");
        }
        if (declaredRows >= 0 && declaredRows != rows.size()) {
            throw new IllegalArgumentException(name + " line 1 declares " + declaredRows + " samples but "
                    + rows.size() + " follow");
        }
        return new Dataset(name, Matrix.of(rows.toArray(new double[0][])),
                labels.stream().mapToInt(Integer::intValue).toArray(), featureNames, classNames);
    }

    private static int headerInt(String name, String[] header, int index, String what) {
        try {
            return Integer.parseInt(header[index].trim());
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(name + " line 1 is not a header n_samples,n_features,classes…: "
                    + what + " is " + (index < header.length ? "\"" + header[index] + "\"" : "missing"), e);
        }
    }

    private static double number(String name, int lineNo, int field, String featureName, String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " line " + lineNo + " field " + (field + 1) + " ("
                    + featureName + ") is \"" + text + "\", not a number", e);
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " line " + lineNo + " field " + (field + 1) + " ("
                    + featureName + ") is " + v + ": every feature must be a finite number");
        }
        return v;
    }

    private static int label(String name, int lineNo, String text, List<String> classNames) {
        int label;
        try {
            label = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " line " + lineNo + ": the label \"" + text
                    + "\" is not an integer", e);
        }
        if (label < 0 || label >= classNames.size()) {
            throw new IllegalArgumentException(name + " line " + lineNo + ": label = " + label
                    + " is not a class label: with " + classNames.size() + " classes labels run from 0 to "
                    + (classNames.size() - 1));
        }
        return label;
    }
}
