package org.softmaxcourse.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.softmaxcourse.classify.LogisticRegression;
import org.softmaxcourse.classify.OneVsRest;
import org.softmaxcourse.classify.SoftmaxRegression;
import org.softmaxcourse.classify.TrainingOptions;
import org.softmaxcourse.data.Dataset;
import org.softmaxcourse.data.Datasets;
import org.softmaxcourse.numeric.Matrix;

class ClassifierPlotsTest {

    /** Class 0 claims x < 0, class 1 claims y > 0, class 2 claims x > 1: overlaps and gaps. */
    private static OneVsRest handMade() {
        return OneVsRest.of(List.of(LogisticRegression.of(new double[] {-1, 0}, 0),
                LogisticRegression.of(new double[] {0, 1}, 0), LogisticRegression.of(new double[] {1, 0}, -1)));
    }

    private static final Matrix POINTS = Matrix.of(new double[] {-2, -2}, new double[] {-1, 1}, new double[] {0.5, -1},
            new double[] {2, 2}, new double[] {3, -3});
    private static final int[] LABELS = {0, 1, 1, 2, 2};

    @Test
    void historyChartHasTitleAxesAndBothCurves() {
        LogisticRegression m = LogisticRegression.fit(POINTS, new int[] {0, 0, 1, 1, 1}, TrainingOptions.defaults().withEpochs(5),
                POINTS, new int[] {0, 0, 1, 1, 1});
        XYChart chart = ClassifierPlots.history(m.history());
        assertEquals("Training history: logistic regression", chart.getTitle());
        assertEquals("epoch", chart.getXAxisTitle());
        assertEquals(Set.of("training loss", "training accuracy", "validation loss", "validation accuracy"),
                chart.getSeriesMap().values().stream().filter(s -> s.isShowInLegend()).map(s -> s.getName())
                        .collect(java.util.stream.Collectors.toSet()));
        assertEquals(1, chart.getSeriesMap().get("training accuracy").getYAxisGroup());
        assertEquals(6, chart.getSeriesMap().get("training loss").getXData().length);
        assertTrue(HouseStyle.render(chart, 1).getWidth() > 0);
        assertEquals("accuracy (share correct)", chart.getYAxisGroupTitle(1));
    }

    @Test
    void decisionRegionsShowRegionsUndecidedAreasAndMarkedPoints() {
        XYChart chart = ClassifierPlots.decisionRegions(handMade().thresholdRule(), POINTS, LABELS,
                List.of("a", "b", "c"), "x₁", "x₂", "toy");
        assertEquals("toy", chart.getTitle());
        assertEquals("x₁", chart.getXAxisTitle());
        assertEquals("x₂", chart.getYAxisTitle());
        Set<String> series = chart.getSeriesMap().keySet();
        assertTrue(series.containsAll(List.of("region: a", "region: b", "region: c",
                "region: ambiguous (several ≥ 0.5)", "region: unclassified (none ≥ 0.5)", "a", "b", "c")), series.toString());
        // (−1, 1) is claimed by classes 0 and 1, (2, 2) by 1 and 2; no class claims (0.5, −1).
        assertEquals(2, chart.getSeriesMap().get("ambiguous point").getXData().length);
        assertEquals(0.5, chart.getSeriesMap().get("unclassified point").getXData()[0]);
        assertFalse(series.contains("region: tied vote"));
        BufferedImage image = HouseStyle.render(chart, 1);
        assertEquals(ClassifierPlots.REGIONS_WIDTH, image.getWidth());
    }

    @Test
    void softmaxRegionsOnIrisHaveNoUndecidedArea() {
        Dataset petals = Datasets.iris().withFeatures("petal length (cm)", "petal width (cm)");
        SoftmaxRegression m = SoftmaxRegression.fit(petals.features(), petals.labels(), 3,
                TrainingOptions.defaults().withEpochs(200));
        XYChart chart = ClassifierPlots.decisionRegions(m, petals);
        assertEquals("Decision regions: softmax", chart.getTitle());
        assertEquals("petal length (cm)", chart.getXAxisTitle());
        assertTrue(chart.getSeriesMap().keySet().stream().noneMatch(s -> s.contains("ambiguous") || s.contains("tied")
                || s.contains("unclassified")), chart.getSeriesMap().keySet().toString());
        assertEquals(50, chart.getSeriesMap().get("setosa").getXData().length);
    }

    @Test
    void digitGridDrawsInkDarkAndCaptionsEachDigit() {
        Dataset digits = Datasets.digits();
        Matrix first = digits.rows(new int[] {0, 1, 2}).features();
        BufferedImage image = ClassifierPlots.digitGrid(first, new int[] {0, 1, 2}, new int[] {0, 7, 2}, 2);
        // 2 columns × 2 rows of cells at least 96 px square.
        assertTrue(image.getWidth() >= 2 * ClassifierPlots.DIGIT_SIDE && image.getHeight() >= 2 * ClassifierPlots.DIGIT_SIDE);
        BufferedImage blank = ClassifierPlots.digitGrid(Matrix.zeros(1, 64), new int[] {0}, null, 1);
        BufferedImage full = ClassifierPlots.digitGrid(Matrix.wrap(1, 64, filled(16)), new int[] {8}, null, 1);
        int cx = blank.getWidth() / 2;
        int cy = 12 + ClassifierPlots.DIGIT_SIDE / 2;
        assertEquals(0xFFFFFF, blank.getRGB(cx, cy) & 0xFFFFFF);
        assertEquals(0x000000, full.getRGB(cx, cy) & 0xFFFFFF);
    }

    @Test
    void sideBySideLaysChartsOutInAGrid() {
        XYChart a = ClassifierPlots.decisionRegions(handMade().thresholdRule(), POINTS, LABELS, List.of("a", "b", "c"),
                "x", "y", "threshold");
        XYChart b = ClassifierPlots.decisionRegions(handMade().argmaxRule(), POINTS, LABELS, List.of("a", "b", "c"),
                "x", "y", "argmax");
        BufferedImage image = ClassifierPlots.sideBySide(List.of(a, b), 2);
        assertEquals(2 * ClassifierPlots.REGIONS_WIDTH, image.getWidth());
        assertEquals(ClassifierPlots.HEIGHT, image.getHeight());
    }

    @Test
    void badInputIsRejectedWithANamedMessage() {
        assertEquals("points is 1×3: decision regions are drawn over exactly 2 features",
                assertThrows(IllegalArgumentException.class, () -> ClassifierPlots.decisionRegions(handMade().argmaxRule(),
                        Matrix.of(new double[] {1, 2, 3}), new int[] {0}, List.of("a", "b", "c"), "x", "y", "t"))
                        .getMessage());
        assertEquals("pixels[0][0] = -0.5 is not an ink count 0–16: pass the raw digits, not standardised ones",
                assertThrows(IllegalArgumentException.class, () -> ClassifierPlots.digitGrid(
                        Matrix.wrap(1, 64, filled(-0.5)), new int[] {0}, null, 1)).getMessage());
        assertEquals("classNames has 2 names but the rule has 3 classes",
                assertThrows(IllegalArgumentException.class, () -> ClassifierPlots.decisionRegions(handMade().argmaxRule(),
                        POINTS, LABELS, List.of("a", "b"), "x", "y", "t")).getMessage());
    }

    private static double[] filled(double v) {
        double[] d = new double[64];
        java.util.Arrays.fill(d, v);
        return d;
    }

    @Test
    void probabilityHistogramCountsEverySampleOncePerClassAndMarksTheThreshold() {
        double[] p = {0.0, 0.05, 0.49, 0.5, 0.97, 1.0};
        int[] y = {0, 0, 1, 0, 1, 1};
        int[][] counts = ProbabilityPlots.counts(p, y, List.of("malignant", "benign"), 10);
        // 1.0 lands in the last bin, 0.5 in the bin starting at 0.5
        assertEquals(List.of(2, 0, 0, 0, 0, 1, 0, 0, 0, 0), java.util.Arrays.stream(counts[0]).boxed().toList());
        assertEquals(List.of(0, 0, 0, 0, 1, 0, 0, 0, 0, 2), java.util.Arrays.stream(counts[1]).boxed().toList());
        XYChart chart = ClassifierPlots.probabilityHistogram("P(benign)", p, y, List.of("malignant", "benign"), 10);
        assertEquals("P(benign)", chart.getTitle());
        assertEquals("number of samples", chart.getYAxisTitle());
        assertEquals(List.of("true class: malignant", "true class: benign"),
                chart.getSeriesMap().keySet().stream().filter(n -> !n.isBlank()).toList());
        // the bars of a class reach the bin counts
        assertEquals(2.0, java.util.Arrays.stream(chart.getSeriesMap().get("true class: benign").getYData()).max()
                .orElseThrow());
        HouseStyle.render(chart, 1);
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), HouseStyle.tickLabels(chart, "x"));
    }
}
