package org.softmaxcourse.table;

import java.util.List;
import org.softmaxcourse.classify.Decisions;
import org.softmaxcourse.classify.Epoch;
import org.softmaxcourse.classify.Outcome;
import org.softmaxcourse.classify.TrainingHistory;
import org.softmaxcourse.eval.ClassMetrics;
import org.softmaxcourse.eval.ClassificationReport;
import org.softmaxcourse.eval.ConfusionMatrix;
import org.softmaxcourse.numeric.Numbers;
import org.softmaxcourse.numeric.Require;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The classifiers' results as tablesaw tables, ready to print or display in a notebook: training
 * histories, confusion matrices, per-class reports, and how often each multi-class rule leaves an
 * input ambiguous, unclassified or tied.
 */
public final class ClassifierTables {
    private ClassifierTables() {
    }

    /**
     * One row per epoch: {@code epoch}, {@code loss (nats)} (the mean cross-entropy), {@code cost
     * (nats)} (the loss plus the L2 penalty), {@code accuracy}, and {@code validation loss (nats)},
     * {@code validation accuracy} when validation data was measured. Accuracies print as
     * percentages, losses with 4 significant digits.
      *
      * @param history the model's training history
      * @return the table
     */
    public static Table history(TrainingHistory history) {
        if (history == null) {
            throw new IllegalArgumentException("history is null");
        }
        List<Epoch> epochs = history.epochs();
        Table t = Table.create("training history: " + history.model(),
                IntColumn.create("epoch", epochs.stream().mapToInt(Epoch::epoch).toArray()),
                DoubleColumn.create(LOSS, epochs.stream().mapToDouble(Epoch::loss).toArray()),
                DoubleColumn.create("cost (nats)", epochs.stream().mapToDouble(Epoch::cost).toArray()),
                DoubleColumn.create("accuracy", epochs.stream().mapToDouble(Epoch::accuracy).toArray()));
        if (history.hasValidation()) {
            t.addColumns(DoubleColumn.create("validation " + LOSS,
                            epochs.stream().mapToDouble(Epoch::validationLoss).toArray()),
                    DoubleColumn.create("validation accuracy",
                            epochs.stream().mapToDouble(Epoch::validationAccuracy).toArray()));
        }
        return Tables.readable(t);
    }

    /** The loss column of {@link #history}: the mean cross-entropy, in nats (natural log). */
    public static final String LOSS = "loss (nats)";

    /** The column of {@link #confusionMatrix} that names the true class. */
    public static final String TRUE_CLASS = "true \\ predicted";

    /**
     * The confusion matrix: a {@value #TRUE_CLASS} column with the true class, one count column per
     * predicted class, an {@code undecided} column if any input got no class, and {@code total}.
      *
      * @param matrix the confusion matrix
      * @return the table
     */
    public static Table confusionMatrix(ConfusionMatrix matrix) {
        if (matrix == null) {
            throw new IllegalArgumentException("matrix is null");
        }
        int c = matrix.classes();
        int[][] counts = matrix.counts();
        Table t = Table.create("confusion matrix (accuracy " + Numbers.percent(matrix.accuracy()) + ")",
                StringColumn.create(TRUE_CLASS, matrix.classNames()));
        for (int p = 0; p < c; p++) {
            int[] column = new int[c];
            for (int k = 0; k < c; k++) {
                column[k] = counts[k][p];
            }
            t.addColumns(IntColumn.create(matrix.classNames().get(p), column));
        }
        if (matrix.totalUndecided() > 0) {
            t.addColumns(IntColumn.create("undecided", matrix.undecided()));
        }
        int[] totals = new int[c];
        for (int k = 0; k < c; k++) {
            totals[k] = matrix.support(k);
        }
        t.addColumns(IntColumn.create("total", totals));
        return t;
    }

    /**
     * One row per class ({@code class}, {@code precision}, {@code recall}, {@code F1}, {@code
     * support}, {@code predicted}) and a last row {@code macro average}; the accuracy, as a
     * percentage, is in the table's name. Undefined values (see {@link ClassMetrics}) are missing.
      *
      * @param report the classification report
      * @return the table
     */
    public static Table report(ClassificationReport report) {
        if (report == null) {
            throw new IllegalArgumentException("report is null");
        }
        List<ClassMetrics> rows = report.classes();
        int n = rows.size() + 1;
        String[] names = new String[n];
        double[] precision = new double[n];
        double[] recall = new double[n];
        double[] f1 = new double[n];
        int[] support = new int[n];
        int[] predicted = new int[n];
        for (int k = 0; k < rows.size(); k++) {
            ClassMetrics m = rows.get(k);
            names[k] = m.name();
            precision[k] = m.precision();
            recall[k] = m.recall();
            f1[k] = m.f1();
            support[k] = m.support();
            predicted[k] = m.predicted();
        }
        names[n - 1] = "macro average";
        precision[n - 1] = report.macroPrecision();
        recall[n - 1] = report.macroRecall();
        f1[n - 1] = report.macroF1();
        support[n - 1] = report.total();
        predicted[n - 1] = report.total() - report.undecided();
        return Tables.readable(Table.create("classification report (accuracy " + Numbers.percent(report.accuracy()) + ")",
                StringColumn.create("class", names), DoubleColumn.create("precision", precision),
                DoubleColumn.create("recall", recall), DoubleColumn.create("F1", f1),
                IntColumn.create("support", support), IntColumn.create("predicted", predicted)));
    }

    /**
     * How each rule fared on the same inputs: one row per rule with the count of every {@link
     * Outcome} and the share left undecided. This is the table of G4: one-vs-rest by threshold
     * leaves inputs ambiguous or unclassified, one-vs-one can tie, argmax and softmax always decide.
      *
      * @param decisions each rule's decisions on the same inputs
      * @return the table
     */
    public static Table ambiguity(Decisions... decisions) {
        return ambiguity(null, decisions);
    }

    /**
     * As {@link #ambiguity(Decisions...)}, with two accuracies against {@code truth}: {@code
     * accuracy} counts undecided inputs as wrong, {@code accuracy (resolved)} uses each rule's
     * fallback for them (see {@link Decisions#resolved()}).
      *
      * @param decisions each rule's decisions on the same inputs
      * @param truth the true class of each input
      * @return the table
     */
    public static Table ambiguity(int[] truth, Decisions... decisions) {
        if (decisions == null || decisions.length == 0) {
            throw new IllegalArgumentException("decisions is empty: give at least one rule's decisions");
        }
        int r = decisions.length;
        for (int k = 0; k < r; k++) {
            if (decisions[k] == null) {
                throw new IllegalArgumentException("decisions[" + k + "] is null");
            }
            if (decisions[k].size() != decisions[0].size()) {
                throw new IllegalArgumentException("shape mismatch: decisions[" + k + "] covers " + decisions[k].size()
                        + " inputs but decisions[0] covers " + decisions[0].size());
            }
        }
        if (truth != null) {
            Require.nonEmpty("truth", truth);
            if (truth.length != decisions[0].size()) {
                throw new IllegalArgumentException("shape mismatch: truth has " + truth.length
                        + " labels but the decisions cover " + decisions[0].size() + " inputs");
            }
            Require.labels("truth", truth, decisions[0].classes());
        }
        Table t = Table.create("decisions per rule", StringColumn.create("rule"), IntColumn.create("inputs"));
        for (Outcome o : Outcome.values()) {
            t.addColumns(IntColumn.create(o.name().toLowerCase(java.util.Locale.ROOT)));
        }
        t.addColumns(DoubleColumn.create("undecided share"));
        if (truth != null) {
            t.addColumns(DoubleColumn.create("accuracy"), DoubleColumn.create("accuracy (resolved)"));
        }
        for (Decisions d : decisions) {
            t.stringColumn("rule").append(d.rule());
            t.intColumn("inputs").append(d.size());
            for (Outcome o : Outcome.values()) {
                t.intColumn(o.name().toLowerCase(java.util.Locale.ROOT)).append(d.count(o));
            }
            t.doubleColumn("undecided share").append((double) d.undecided() / d.size());
            if (truth != null) {
                t.doubleColumn("accuracy").append(share(truth, d.labels()));
                t.doubleColumn("accuracy (resolved)").append(share(truth, d.resolved()));
            }
        }
        return Tables.readable(t);
    }

    private static double share(int[] truth, int[] predicted) {
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }
}
