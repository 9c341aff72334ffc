package org.softmaxcourse.table;

import org.softmaxcourse.activation.Activation;
import org.softmaxcourse.activation.Trait;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.loss.Reduction;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Numbers;
import org.softmaxcourse.numeric.Require;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Tables of the course's objects, built from their own metadata so that no notebook restates a
 * range or a property by hand. Returned, never shown: a notebook passes them to
 * {@code Notebook.show}.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * Prints every double column of {@code table} the course's way ({@link Numbers}), so a table
     * reads at a glance; returns the same table. The values themselves are unchanged.
     *
     * <ul>
     *   <li>a column whose name mentions "accuracy" or "share": a percentage, {@code 92.9 %};</li>
     *   <li>a column named "p(…)" (a probability): 4 significant digits, {@code 1 − 2.2e-11} for a
     *       probability within 10⁻⁴ of 1;</li>
     *   <li>every other double column: 4 significant digits ({@code 0.5108}, {@code 2.303},
     *       {@code 1e-300}).</li>
     * </ul>
     *
     * @param table the table to format
     * @return the same table
     */
    public static Table readable(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        for (Column<?> c : table.columns()) {
            if (c instanceof DoubleColumn d) {
                String name = d.name().toLowerCase(java.util.Locale.ROOT);
                d.setPrintFormatter(name.contains("accuracy") || name.contains("share") ? PERCENT
                        : name.startsWith("p(") ? PROBABILITY : SIGNIFICANT_DIGITS);
            }
        }
        return table;
    }

    private static final NumberColumnFormatter SIGNIFICANT_DIGITS = formatter(Numbers::format);
    private static final NumberColumnFormatter PROBABILITY = formatter(Numbers::probability);
    private static final NumberColumnFormatter PERCENT = formatter(Numbers::percent);

    private static NumberColumnFormatter formatter(java.util.function.DoubleFunction<String> f) {
        return new NumberColumnFormatter() {
            @Override
            public String format(double value) {
                return Double.isNaN(value) ? "" : f.apply(value);
            }
        };
    }

    /**
     * One row per activation: name, range, each {@link Trait} as yes/no, and the value and slope
     * at z = 0 (where the training of a freshly initialised network starts).
      *
      * @param activations the activation functions
      * @return the table
     */
    public static Table activationProperties(Activation... activations) {
        if (activations == null || activations.length == 0) {
            throw new IllegalArgumentException("activations is empty: name at least one");
        }
        StringColumn name = StringColumn.create("activation");
        StringColumn range = StringColumn.create("range");
        Table t = Table.create("Activation properties", name, range);
        StringColumn[] traits = new StringColumn[Trait.values().length];
        for (Trait trait : Trait.values()) {
            traits[trait.ordinal()] = StringColumn.create(trait.label());
            t.addColumns(traits[trait.ordinal()]);
        }
        DoubleColumn at0 = DoubleColumn.create("g(0)");
        DoubleColumn slope0 = DoubleColumn.create("g′(0)");
        t.addColumns(at0, slope0);
        for (int i = 0; i < activations.length; i++) {
            Activation a = activations[i];
            if (a == null) {
                throw new IllegalArgumentException("activations[" + i + "] is null");
            }
            name.append(a.name());
            range.append(a.range());
            for (Trait trait : Trait.values()) {
                traits[trait.ordinal()].append(a.has(trait) ? "yes" : "no");
            }
            at0.append(a.value(0.0));
            slope0.append(a.derivative(0.0));
        }
        return readable(t);
    }

    /**
     * A matrix as a table with the given column names (e.g. class names) and a row index.
     *
     * @param columnNames one name per column
     * @param m the matrix
     * @param title the title
     * @return the table
     */
    public static Table matrix(String title, Matrix m, String... columnNames) {
        if (m == null) {
            throw new IllegalArgumentException("m is null");
        }
        if (columnNames.length != 0 && columnNames.length != m.cols()) {
            throw new IllegalArgumentException("shape mismatch: m is " + m.shape() + " but "
                    + columnNames.length + " column names were given");
        }
        Table t = Table.create(title);
        StringColumn row = StringColumn.create("row");
        for (int i = 0; i < m.rows(); i++) {
            row.append(String.valueOf(i));
        }
        t.addColumns(row);
        for (int j = 0; j < m.cols(); j++) {
            DoubleColumn c = DoubleColumn.create(columnNames.length == 0 ? "c" + j : columnNames[j]);
            for (int i = 0; i < m.rows(); i++) {
                c.append(m.get(i, j));
            }
            t.addColumns(c);
        }
        return readable(t);
    }
    /**
     * Rows of per-class scores or probabilities with a last column holding each row's sum:
     * the quick way to see that softmax rows sum to 1 and independent sigmoids' do not.
      *
      * @param columnNames one name per column
      * @param m the matrix
      * @param title the title
      * @return the table
     */
    public static Table withRowSums(String title, Matrix m, String... columnNames) {
        Table t = matrix(title, m, columnNames);
        t.addColumns(DoubleColumn.create("row sum", m.rowSums()));
        return readable(t);
    }

    /**
     * As {@link #withRowSums(String, Matrix, String...)}, with each row's predicted class (the
     * largest entry) and true class beside it, so the reader sees at once which rows are right.
     *
     * @param title       the table's title
     * @param m           one row of per-class probabilities (or scores) per sample
     * @param truth       the true class of each row
     * @param columnNames the class names, one per column
     * @return the table: row, one column per class, row sum, predicted, true class
     */
    public static Table withRowSums(String title, Matrix m, int[] truth, String... columnNames) {
        Require.oneLabelPerRow("m", m, "truth", truth);
        Require.labels("truth", truth, m.cols());
        Table t = withRowSums(title, m, columnNames);
        int[] argmax = m.argmaxPerRow();
        StringColumn predicted = StringColumn.create("predicted");
        StringColumn actual = StringColumn.create("true class");
        for (int i = 0; i < m.rows(); i++) {
            predicted.append(t.column(1 + argmax[i]).name() + (argmax[i] == truth[i] ? " ✓" : " ✗"));
            actual.append(t.column(1 + truth[i]).name());
        }
        t.addColumns(predicted, actual);
        return t;
    }

    /**
     * One row per sample of a batch of predicted distributions: the probability of each class,
     * the predicted class (argmax), the true class, whether they agree, the probability given
     * to the true class and the cross-entropy −log p_true. Classes are named by
     * {@code classNames} (default: their 0-based index).
      *
      * @param classNames the class names
      * @param labels the true class of each row
      * @param probabilities one row of class probabilities per sample
      * @return the table
     */
    public static Table predictions(Matrix probabilities, int[] labels, String... classNames) {
        Require.nonEmpty("probabilities", probabilities);
        if (classNames.length != 0 && classNames.length != probabilities.cols()) {
            throw new IllegalArgumentException("shape mismatch: probabilities is " + probabilities.shape()
                    + " but " + classNames.length + " class names were given");
        }
        double[] losses = CategoricalCrossEntropy.fromProbabilities().withReduction(Reduction.NONE)
                .losses(probabilities, labels);
        String[] names = new String[probabilities.cols()];
        for (int j = 0; j < names.length; j++) {
            names[j] = classNames.length == 0 ? String.valueOf(j) : classNames[j];
        }
        Table t = Table.create("Predictions");
        StringColumn sample = StringColumn.create("sample");
        t.addColumns(sample);
        DoubleColumn[] p = new DoubleColumn[names.length];
        for (int j = 0; j < names.length; j++) {
            p[j] = DoubleColumn.create("p(" + names[j] + ")");
            t.addColumns(p[j]);
        }
        StringColumn predicted = StringColumn.create("predicted");
        StringColumn truth = StringColumn.create("true class");
        StringColumn correct = StringColumn.create("correct");
        DoubleColumn pTrue = DoubleColumn.create("p(true)");
        DoubleColumn loss = DoubleColumn.create("loss −ln p(true) (nats)");
        t.addColumns(predicted, truth, correct, pTrue, loss);
        int[] argmax = probabilities.argmaxPerRow();
        for (int i = 0; i < probabilities.rows(); i++) {
            sample.append(String.valueOf(i));
            for (int j = 0; j < names.length; j++) {
                p[j].append(probabilities.get(i, j));
            }
            predicted.append(names[argmax[i]]);
            truth.append(names[labels[i]]);
            correct.append(argmax[i] == labels[i] ? "yes" : "no");
            pTrue.append(probabilities.get(i, labels[i]));
            loss.append(losses[i]);
        }
        return readable(t);
    }
}
