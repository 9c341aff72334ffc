package org.softmaxcourse.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.softmaxcourse.classify.DecisionRule;
import org.softmaxcourse.classify.Decisions;
import org.softmaxcourse.classify.Outcome;
import org.softmaxcourse.data.Dataset;
import org.softmaxcourse.data.Split;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * Decision regions of a classifier over a 2-D feature plane: the class the rule picks at every
 * cell of a grid, the inputs it leaves undecided (one-vs-rest ambiguous or unclassified,
 * one-vs-one tied), and the data points on top in their true class's colour.
 */
public final class RegionPlots {
    /** Chart width: wider than {@link HouseStyle#WIDTH}, for the legend beside the plot. */
    public static final int WIDTH = HouseStyle.WIDE_WIDTH;
    /** Chart height. */
    public static final int HEIGHT = HouseStyle.HEIGHT;
    /** The side of one decision-region cell and of every marker (XChart has one marker size per chart), in pixels. */
    static final int CELL = 7;

    private static final Map<Outcome, Color> UNDECIDED_REGION = new EnumMap<>(Map.of(
            Outcome.AMBIGUOUS, new Color(120, 120, 120),
            Outcome.UNCLASSIFIED, new Color(210, 210, 210),
            Outcome.TIED, new Color(120, 120, 120)));

    private RegionPlots() {
    }

    /**
     * {@link #decisionRegions(DecisionRule, Matrix, int[], List, String, String, String)} for a
     * data set with exactly two features, titled after the rule, the axes named after the
     * features.
      *
      * @param data the data set
      * @param rule the classifier
      * @return the chart
     */
    public static XYChart decisionRegions(DecisionRule rule, Dataset data) {
        if (rule == null || data == null) {
            throw new IllegalArgumentException((rule == null ? "rule" : "data") + " is null");
        }
        return decisionRegions(rule, data.features(), data.labels(), data.classNames(), data.featureNames().get(0),
                data.featureCount() > 1 ? data.featureNames().get(1) : "", "Decision regions: " + rule.name());
    }

    /**
     * As {@link #decisionRegions(DecisionRule, Dataset)} for data taken from {@code split}: when
     * the split is standardised, the axis titles say so ("sepal length (standardised)" rather than
     * "sepal length (cm)"), since the axes then count standard deviations from the training mean.
      *
      * @param data the data set
      * @param rule the classifier
      * @param split the split the data comes from
      * @return the chart
     */
    public static XYChart decisionRegions(DecisionRule rule, Dataset data, Split split) {
        if (rule == null || data == null || split == null) {
            throw new IllegalArgumentException((rule == null ? "rule" : data == null ? "data" : "split") + " is null");
        }
        if (!split.isStandardised()) {
            return decisionRegions(rule, data);
        }
        return decisionRegions(rule, data.features(), data.labels(), data.classNames(),
                standardised(data.featureNames().get(0)),
                data.featureCount() > 1 ? standardised(data.featureNames().get(1)) : "", "Decision regions: " + rule.name());
    }

    /**
     * "sepal length (cm)" → "sepal length (standardised)": the unit replaced by what the axis counts.
     *
     * @param featureName a feature name with its unit, e.g. "sepal length (cm)"
     * @return the text
     */
    public static String standardised(String featureName) {
        if (featureName == null) {
            throw new IllegalArgumentException("featureName is null");
        }
        return featureName.replaceFirst("\\s*\\([^()]*\\)\\s*$", "") + " (standardised)";
    }

    /**
     * The rule's decision at every cell of a grid over the plane the points span (plus a margin),
     * painted in a light shade of the class chosen, dark grey where one-vs-rest is ambiguous or
     * one-vs-one tied, light grey where one-vs-rest leaves the point unclassified. The points are
     * drawn on top in their true class's colour; those the rule itself leaves undecided are
     * crossed out in black.
     *
     * @param rule       the classifier
     * @param points     n × 2, the two features the rule takes
     * @param labels     the true class of each point
     * @param classNames C names
     * @param xTitle     the x axis title (the first feature and its unit)
     * @param yTitle     the y axis title
     * @param title      the chart title
     * @return the chart, {@value #WIDTH} × {@value #HEIGHT} px, the legend beside the plot
     */
    public static XYChart decisionRegions(DecisionRule rule, Matrix points, int[] labels, List<String> classNames,
                                          String xTitle, String yTitle, String title) {
        if (rule == null) {
            throw new IllegalArgumentException("rule is null");
        }
        Require.nonEmpty("points", points);
        if (points.cols() != 2) {
            throw new IllegalArgumentException("points is " + points.shape()
                    + ": decision regions are drawn over exactly 2 features");
        }
        Require.oneLabelPerRow("points", points, "labels", labels);
        if (classNames == null || classNames.size() != rule.classes()) {
            throw new IllegalArgumentException("classNames " + (classNames == null ? "is null" : "has "
                    + classNames.size() + " names") + " but the rule has " + rule.classes() + " classes");
        }
        int c = classNames.size();
        Require.labels("labels", labels, c);
        if (c > HouseStyle.colours()) {
            throw new IllegalArgumentException("classNames has " + c + " names: decision regions are drawn for at most "
                    + HouseStyle.colours() + " classes");
        }

        // The grid: cells no larger than a marker, so that the square markers tile the plot.
        double[] xr = range(points, 0);
        double[] yr = range(points, 1);
        int nx = WIDTH / CELL;
        int ny = HEIGHT / CELL;
        double[] grid = new double[nx * ny * 2];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                grid[(i * ny + j) * 2] = xr[0] + (xr[1] - xr[0]) * i / (nx - 1);
                grid[(i * ny + j) * 2 + 1] = yr[0] + (yr[1] - yr[0]) * j / (ny - 1);
            }
        }
        Decisions cells = rule.decide(Matrix.wrap(nx * ny, 2, grid));

        XYChart chart = HouseStyle.xyChart(WIDTH, HEIGHT, title, xTitle, yTitle);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(CELL);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotGridLinesVisible(false);
        // The region grid fills the plot to its border: no empty margin around the data.
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setXAxisMin(xr[0]);
        chart.getStyler().setXAxisMax(xr[1]);
        chart.getStyler().setYAxisMin(yr[0]);
        chart.getStyler().setYAxisMax(yr[1]);

        int[] cellLabels = cells.labels();
        Outcome[] cellOutcomes = cells.outcomes();
        for (int k = 0; k < c; k++) {
            int kk = k;
            scatter(chart, "region: " + classNames.get(k), grid, i -> cellLabels[i] == kk, nx * ny,
                    HouseStyle.light(HouseStyle.colour(k), 0.3), SeriesMarkers.SQUARE);
        }
        for (Outcome o : List.of(Outcome.AMBIGUOUS, Outcome.UNCLASSIFIED, Outcome.TIED)) {
            scatter(chart, "region: " + o.description(), grid, i -> cellOutcomes[i] == o, nx * ny,
                    UNDECIDED_REGION.get(o), SeriesMarkers.SQUARE);
        }
        Decisions atPoints = rule.decide(points);
        Outcome[] pointOutcomes = atPoints.outcomes();
        for (int k = 0; k < c; k++) {
            int kk = k;
            scatter(chart, classNames.get(k), points.data(), i -> labels[i] == kk, points.rows(), HouseStyle.colour(k),
                    SeriesMarkers.CIRCLE);
        }
        for (Outcome o : List.of(Outcome.AMBIGUOUS, Outcome.UNCLASSIFIED, Outcome.TIED)) {
            scatter(chart, o.name().toLowerCase(Locale.ROOT) + " point", points.data(),
                    i -> pointOutcomes[i] == o, points.rows(), Color.BLACK,
                    o == Outcome.UNCLASSIFIED ? SeriesMarkers.PLUS : SeriesMarkers.CROSS);
        }
        return chart;
    }

    /** Adds the rows of {@code xy} (n × 2) that pass {@code keep} as a scatter series, if any do. */
    private static void scatter(XYChart chart, String name, double[] xy, IntPredicate keep, int n, Color color,
                                Marker marker) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep.test(i)) {
                xs.add(xy[2 * i]);
                ys.add(xy[2 * i + 1]);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setMarker(marker);
        series.setMarkerColor(color);
    }

    /** [min − 8 %, max + 8 %] of column {@code j}, or ±1 around a constant column. */
    private static double[] range(Matrix m, int j) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m.rows(); i++) {
            double v = m.get(i, j);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("points[" + i + "][" + j + "] = " + v + " must be finite");
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double pad = hi > lo ? 0.08 * (hi - lo) : 1.0;
        return new double[] {lo - pad, hi + pad};
    }
}
