package org.softmaxcourse.table;

import org.softmaxcourse.activation.Activation;
import org.softmaxcourse.activation.Trait;
import org.softmaxcourse.numeric.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tables of the course's objects, built from their own metadata so that no notebook restates a
 * range or a property by hand. Returned, never shown: a notebook passes them to
 * {@code Notebook.show}.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * One row per activation: name, range, each {@link Trait} as yes/no, and the value and slope
     * at z = 0 (where the training of a freshly initialised network starts).
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
        return t;
    }

    /** A matrix as a table with the given column names (e.g. class names) and a row index. */
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
        return t;
    }
}
