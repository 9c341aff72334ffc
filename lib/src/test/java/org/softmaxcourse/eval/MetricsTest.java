package org.softmaxcourse.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.numeric.Matrix;

class MetricsTest {
    private static final List<String> ABC = List.of("a", "b", "c");
    // true:      a a a a b b b c c c
    // predicted: a a b – b b a c c b    (– = undecided)
    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    private static final int[] PREDICTED = {0, 0, 1, Metrics.UNDECIDED, 1, 1, 0, 2, 2, 1};

    @Test
    void accuracyCountsUndecidedAsWrong() {
        assertEquals(0.6, Metrics.accuracy(TRUTH, PREDICTED), 1e-15);
        assertEquals(1.0, Metrics.accuracy(new int[] {2, 0}, new int[] {2, 0}));
    }

    @Test
    void confusionMatrixCountsTruePredictedPairs() {
        ConfusionMatrix m = Metrics.confusionMatrix(TRUTH, PREDICTED, ABC);
        assertArrayEquals(new int[][] {{2, 1, 0}, {1, 2, 0}, {0, 1, 2}}, m.counts());
        assertArrayEquals(new int[] {1, 0, 0}, m.undecided());
        assertEquals(10, m.total());
        assertEquals(6, m.correct());
        assertEquals(4, m.support(0));
        assertEquals(4, m.predictedCount(1));
        assertEquals(0.6, m.accuracy(), 1e-15);
        assertEquals("""
                ConfusionMatrix (rows: true class, columns: predicted), accuracy 60 %
                                   a         b         c undecided
                         a         2         1         0         1
                         b         1         2         0         0
                         c         0         1         2         0""", m.toString());
    }

    @Test
    void precisionRecallAndF1PerClassAndMacro() {
        ClassificationReport r = Metrics.report(TRUTH, PREDICTED, ABC);
        // a: TP 2, predicted 3, support 4; b: TP 2, predicted 4, support 3; c: TP 2, predicted 2, support 3.
        assertEquals(2.0 / 3, r.of(0).precision(), 1e-15);
        assertEquals(0.5, r.of(0).recall(), 1e-15);
        assertEquals(2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), r.of(0).f1(), 1e-15);
        assertEquals(0.5, r.of(1).precision(), 1e-15);
        assertEquals(2.0 / 3, r.of(1).recall(), 1e-15);
        assertEquals(1.0, r.of(2).precision());
        assertEquals(2.0 / 3, r.of(2).recall(), 1e-15);
        assertEquals((2.0 / 3 + 0.5 + 1) / 3, r.macroPrecision(), 1e-15);
        assertEquals((0.5 + 2.0 / 3 + 2.0 / 3) / 3, r.macroRecall(), 1e-15);
        assertEquals(1, r.undecided());
        assertTrue(r.toString().contains("\n  c: precision 1, recall 0.6667, F1 0.8, support 3, predicted 2"), r.toString());
    }

    @Test
    void aClassNeverPredictedHasUndefinedPrecision() {
        ClassificationReport r = Metrics.report(new int[] {0, 1}, new int[] {0, 0}, List.of("x", "y"));
        assertTrue(Double.isNaN(r.of(1).precision()));
        assertEquals(0.0, r.of(1).recall());
        assertTrue(Double.isNaN(r.of(1).f1()));
        assertEquals(0.5, r.macroPrecision(), 1e-15); // class x only
    }

    @Test
    void logLossOfTheArticlesWorkedExample() {
        // S16: five classes, the true one is the 4th (index 3).
        Matrix p = Matrix.of(new double[] {0.1, 0.15, 0.05, 0.6, 0.1}, new double[] {0.15, 0.2, 0.4, 0.1, 0.15},
                new double[] {0.05, 0.15, 0.4, 0.3, 0.1});
        int[] y = {3, 3, 3};
        assertEquals(-(Math.log(0.6) + Math.log(0.1) + Math.log(0.3)) / 3, Metrics.logLoss(y, p), 1e-15);
        assertEquals(-Math.log(0.6), Metrics.logLoss(new int[] {3}, Matrix.of(p.row(0))), 1e-15);
    }

    @Test
    void binaryLogLoss() {
        assertEquals(-(Math.log(0.9) + Math.log(0.8)) / 2, Metrics.logLoss(new int[] {1, 0}, new double[] {0.9, 0.2}), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, Metrics.logLoss(new int[] {1}, new double[] {0.0}));
    }

    @Test
    void badInputIsRejectedWithANamedMessage() {
        assertEquals("shape mismatch: truth has 2 labels but predicted has 1",
                assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[] {0, 1}, new int[] {0}))
                        .getMessage());
        assertEquals("predicted[0] = 3 is not a class label: with 3 classes labels run from 0 to 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.confusionMatrix(new int[] {0}, new int[] {3}, ABC)).getMessage());
        assertEquals("truth[0] = -1 is not a class label: with 3 classes labels run from 0 to 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.confusionMatrix(new int[] {-1}, new int[] {0}, ABC)).getMessage());
        assertEquals("predicted[1] = -2 is neither a class label nor UNDECIDED (-1)",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.accuracy(new int[] {0, 0}, new int[] {0, -2})).getMessage());
        // One-vs-rest probabilities are not a distribution: log-loss refuses them.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.logLoss(new int[] {0}, Matrix.of(new double[] {0.7, 0.6})));
        assertTrue(e.getMessage().contains("sums to 1.2999999999999998, not 1"), e.getMessage());
    }
}
