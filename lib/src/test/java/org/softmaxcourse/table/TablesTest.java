package org.softmaxcourse.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.activation.LeakyRelu;
import org.softmaxcourse.activation.Relu;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Tanh;
import org.softmaxcourse.numeric.Matrix;
import tech.tablesaw.api.Table;

class TablesTest {

    @Test
    void activationPropertiesComeFromTheFunctions() {
        Table t = Tables.activationProperties(Sigmoid.INSTANCE, Tanh.INSTANCE, Relu.INSTANCE, new LeakyRelu(0.1));
        assertEquals(List.of("activation", "range", "monotonic", "zero-centred", "saturating", "smooth", "g(0)", "g′(0)"),
                t.columnNames());
        assertEquals(4, t.rowCount());
        assertEquals("(0, 1)", t.stringColumn("range").get(0));
        assertEquals("yes", t.stringColumn("zero-centred").get(1));
        assertEquals("no", t.stringColumn("zero-centred").get(0));
        assertEquals("no", t.stringColumn("saturating").get(2));
        assertEquals(0.5, t.doubleColumn("g(0)").get(0), 0.0);
        assertEquals(0.25, t.doubleColumn("g′(0)").get(0), 0.0);
        assertEquals(1.0, t.doubleColumn("g′(0)").get(1), 0.0);
        assertEquals(0.1, t.doubleColumn("g′(0)").get(3), 0.0);
    }

    @Test
    void predictionsOfTheWorkedExample() {
        Matrix p = Matrix.of(
                new double[] {0.10, 0.15, 0.05, 0.60, 0.10},
                new double[] {0.15, 0.20, 0.40, 0.10, 0.15},
                new double[] {0.05, 0.15, 0.40, 0.30, 0.10});
        Table t = Tables.predictions(p, new int[] {3, 3, 3});
        assertEquals(List.of("3", "2", "2"), t.stringColumn("predicted").asList());
        assertEquals(List.of("yes", "no", "no"), t.stringColumn("correct").asList());
        assertEquals(-Math.log(0.6), t.doubleColumn("loss −ln p(true) (nats)").get(0), 1e-15);
        assertEquals(-Math.log(0.1), t.doubleColumn("loss −ln p(true) (nats)").get(1), 1e-15);
        assertEquals(-Math.log(0.3), t.doubleColumn("loss −ln p(true) (nats)").get(2), 1e-15);
        // printed to 4 significant digits, stored in full
        assertEquals("0.5108", t.doubleColumn("loss −ln p(true) (nats)").getString(0));
        assertEquals("2.303", t.doubleColumn("loss −ln p(true) (nats)").getString(1));
    }

    @Test
    void matrixTableNamesColumns() {
        Table t = Tables.matrix("m", Matrix.of(new double[] {1, 2}, new double[] {3, 4}), "a", "b");
        assertEquals(List.of("row", "a", "b"), t.columnNames());
        assertEquals(4.0, t.doubleColumn("b").get(1), 0.0);
    }

    @Test
    void rowSumsAreTheLastColumn() {
        Table t = Tables.withRowSums("p", Matrix.of(new double[] {0.9, 0.8}, new double[] {0.25, 0.75}), "a", "b");
        assertEquals(List.of("row", "a", "b", "row sum"), t.columnNames());
        assertEquals(1.7000000000000002, t.doubleColumn("row sum").get(0), 0.0);
        assertEquals("1.7", t.doubleColumn("row sum").getString(0));
        assertEquals(1.0, t.doubleColumn("row sum").get(1), 0.0);
    }

    @Test
    void badInputIsNamed() {
        assertRejected(() -> Tables.activationProperties(), "activations is empty");
        assertRejected(() -> Tables.activationProperties(Sigmoid.INSTANCE, null), "activations[1] is null");
        assertRejected(() -> Tables.predictions(Matrix.of(new double[] {0.5, 0.5}), new int[] {2}), "labels[0] = 2");
        assertRejected(() -> Tables.predictions(Matrix.of(new double[] {0.5, 0.5}), new int[] {0}, "a"),
                "1×2", "1 class names");
        assertRejected(() -> Tables.matrix("m", Matrix.of(new double[] {1, 2}), "a"), "1×2", "1 column names");
    }

    @Test
    void rowSumsWithTheTrueClassBesideThePrediction() {
        Matrix p = Matrix.of(new double[] {0.7, 0.2, 0.1}, new double[] {0.3, 0.3, 0.4});
        Table t = Tables.withRowSums("two flowers", p, new int[] {0, 1}, "setosa", "versicolor", "virginica");
        assertEquals(List.of("row", "setosa", "versicolor", "virginica", "row sum", "predicted", "true class"),
                t.columnNames());
        assertEquals("setosa ✓", t.stringColumn("predicted").get(0));
        assertEquals("virginica ✗", t.stringColumn("predicted").get(1));
        assertEquals("versicolor", t.stringColumn("true class").get(1));
        assertRejected(() -> Tables.withRowSums("x", p, new int[] {0}, "a", "b", "c"), "truth");
        assertRejected(() -> Tables.withRowSums("x", p, new int[] {0, 3}, "a", "b", "c"), "truth");
    }
}
