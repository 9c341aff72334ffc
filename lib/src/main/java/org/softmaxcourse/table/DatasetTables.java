package org.softmaxcourse.table;

import java.util.ArrayList;
import java.util.List;
import org.softmaxcourse.data.Dataset;
import org.softmaxcourse.data.Datasets;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The course's data sets as tablesaw tables, to look at, filter and summarise. */
public final class DatasetTables {
    /** The name of the integer label column of {@link #table(Dataset)}. */
    public static final String LABEL_COLUMN = "label";
    /** The name of the class-name column of {@link #table(Dataset)}. */
    public static final String CLASS_COLUMN = "class";

    private DatasetTables() {
    }

    /**
     * The data set as a table: one {@code double} column per feature (named as in
     * {@link Dataset#featureNames()}, with their units), then {@value #LABEL_COLUMN} (the integer
     * label) and {@value #CLASS_COLUMN} (the class name). Features print with 4 significant digits.
     *
     * @param data the data set
     * @return the table, named after the data set
     */
    public static Table table(Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException("data is null");
        }
        int n = data.size();
        int d = data.featureCount();
        double[] x = data.features().data();
        List<Column<?>> columns = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = x[i * d + j];
            }
            columns.add(DoubleColumn.create(data.featureNames().get(j), col));
        }
        columns.add(IntColumn.create(LABEL_COLUMN, data.labels()));
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = data.className(data.labels()[i]);
        }
        columns.add(StringColumn.create(CLASS_COLUMN, names));
        return Tables.readable(Table.create(data.name(), columns.toArray(new Column<?>[0])));
    }

    /**
     * {@link Datasets#breastCancer()} as a table: 30 feature columns, {@code label}, {@code class}.
     *
     * @return the table
     */
    public static Table breastCancer() {
        return table(Datasets.breastCancer());
    }

    /**
     * {@link Datasets#iris()} as a table: 4 feature columns, {@code label}, {@code class}.
     *
     * @return the table
     */
    public static Table iris() {
        return table(Datasets.iris());
    }

    /**
     * {@link Datasets#digits()} as a table: 64 pixel columns, {@code label}, {@code class}.
     *
     * @return the table
     */
    public static Table digits() {
        return table(Datasets.digits());
    }
}
