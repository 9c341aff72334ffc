package org.softmaxcourse.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.classify.Decisions;
import org.softmaxcourse.classify.LogisticRegression;
import org.softmaxcourse.classify.Outcome;
import org.softmaxcourse.classify.TrainingOptions;
import org.softmaxcourse.eval.Metrics;
import org.softmaxcourse.numeric.Matrix;
import tech.tablesaw.api.Table;

class ClassifierTablesTest {
    private static final Matrix X = Matrix.of(new double[] {-1}, new double[] {0}, new double[] {1}, new double[] {2});
    private static final int[] Y = {0, 0, 1, 1};

    @Test
    void historyHasOneRowPerEpochAndValidationColumnsWhenMeasured() {
        LogisticRegression m = LogisticRegression.fit(X, Y, TrainingOptions.defaults().withEpochs(4));
        Table t = ClassifierTables.history(m.history());
        assertEquals(List.of("epoch", "loss (nats)", "cost (nats)", "accuracy"), t.columnNames());
        assertEquals(5, t.rowCount());
        assertEquals(Math.log(2), t.doubleColumn(ClassifierTables.LOSS).get(0), 1e-15);
        assertEquals("0.6931", t.doubleColumn(ClassifierTables.LOSS).getString(0));
        assertEquals(m.history().last().accuracy(), t.doubleColumn("accuracy").get(4));
        assertEquals("training history: logistic regression", t.name());
        Table v = ClassifierTables.history(LogisticRegression.fit(X, Y, TrainingOptions.defaults().withEpochs(2), X, Y)
                .history());
        assertEquals(List.of("epoch", "loss (nats)", "cost (nats)", "accuracy", "validation loss (nats)", "validation accuracy"),
                v.columnNames());
        assertEquals(v.doubleColumn("loss (nats)").get(2), v.doubleColumn("validation loss (nats)").get(2), 1e-15);
    }

    @Test
    void confusionMatrixTableHasTrueClassRowsAndPredictedColumns() {
        int[] truth = {0, 0, 0, 1, 1, 2};
        int[] predicted = {0, 1, Decisions.UNDECIDED, 1, 1, 0};
        Table t = ClassifierTables.confusionMatrix(Metrics.confusionMatrix(truth, predicted, List.of("a", "b", "c")));
        assertEquals(List.of(ClassifierTables.TRUE_CLASS, "a", "b", "c", "undecided", "total"), t.columnNames());
        assertEquals("a", t.stringColumn(0).get(0));
        assertEquals(1, t.intColumn("b").get(0));
        assertEquals(2, t.intColumn("b").get(1));
        assertEquals(1, t.intColumn("a").get(2));
        assertEquals(1, t.intColumn("undecided").get(0));
        assertEquals(3, t.intColumn("total").get(0));
        assertEquals("confusion matrix (accuracy 50 %)", t.name());
    }

    @Test
    void reportTableEndsWithTheMacroAverage() {
        Table t = ClassifierTables.report(Metrics.report(new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1}, List.of("no", "yes")));
        assertEquals(List.of("class", "precision", "recall", "F1", "support", "predicted"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(1.0, t.doubleColumn("precision").get(0));
        assertEquals(0.5, t.doubleColumn("recall").get(0));
        assertEquals("macro average", t.stringColumn("class").get(2));
        assertEquals((1 + 2.0 / 3) / 2, t.doubleColumn("precision").get(2), 1e-15);
        assertEquals(4, t.intColumn("support").get(2));
        assertEquals("classification report (accuracy 75 %)", t.name());
        assertEquals("0.6667", t.doubleColumn("precision").getString(1));
    }

    @Test
    void ambiguityCountsEveryOutcomePerRule() {
        Decisions threshold = new Decisions("one-vs-rest (threshold 0.5)", 3, new int[] {0, -1, -1, 2},
                new Outcome[] {Outcome.DECIDED, Outcome.AMBIGUOUS, Outcome.UNCLASSIFIED, Outcome.DECIDED},
                new int[] {0, 1, 1, 2});
        Decisions vote = new Decisions("one-vs-one (majority vote)", 3, new int[] {0, 1, -1, 2},
                new Outcome[] {Outcome.DECIDED, Outcome.DECIDED, Outcome.TIED, Outcome.DECIDED}, new int[] {0, 1, 2, 2});
        Table t = ClassifierTables.ambiguity(new int[] {0, 1, 2, 2}, threshold, vote);
        assertEquals(List.of("rule", "inputs", "decided", "ambiguous", "unclassified", "tied", "undecided share",
                "accuracy", "accuracy (resolved)"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(1, t.intColumn("ambiguous").get(0));
        assertEquals(1, t.intColumn("unclassified").get(0));
        assertEquals(1, t.intColumn("tied").get(1));
        assertEquals(0.5, t.doubleColumn("undecided share").get(0));
        assertEquals(0.5, t.doubleColumn("accuracy").get(0));
        assertEquals(0.75, t.doubleColumn("accuracy (resolved)").get(0));
        assertEquals(1.0, t.doubleColumn("accuracy (resolved)").get(1));
        assertEquals("50 %", t.doubleColumn("undecided share").getString(0));
        assertEquals("75 %", t.doubleColumn("accuracy (resolved)").getString(0));
        assertEquals(7, ClassifierTables.ambiguity(threshold).columnCount());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassifierTables.ambiguity(new int[] {0}, threshold))
                .getMessage().startsWith("shape mismatch: truth has 1 labels"));
    }
}
