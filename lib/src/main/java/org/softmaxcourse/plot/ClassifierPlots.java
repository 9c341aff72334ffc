package org.softmaxcourse.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.softmaxcourse.classify.DecisionRule;
import org.softmaxcourse.classify.Decisions;
import org.softmaxcourse.classify.Epoch;
import org.softmaxcourse.classify.Outcome;
import org.softmaxcourse.classify.TrainingHistory;
import org.softmaxcourse.data.Dataset;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * Pictures of the classifiers: training curves, decision regions of the multi-class rules over a
 * 2-D feature plane, and handwritten digits with their true and predicted labels.
 *
 * <p>Charts are XChart {@link XYChart}s with a title, labelled axes and a legend; the digit grid
 * and {@link #sideBySide} return a {@link BufferedImage}. Both display in a notebook and save with
 * XChart's {@link BitmapEncoder} or {@link javax.imageio.ImageIO}.
 */
public final class ClassifierPlots {
    /** Chart size in pixels (decision-region charts are {@link #REGIONS_WIDTH} wide, for their legend). */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 540;
    public static final int REGIONS_WIDTH = 920;
    /** The side of one decision-region cell and of every marker, in pixels. */
    static final int CELL = 7;

    /** Strong colours for classes (points, curves), after the Tableau 10 palette. */
    private static final Color[] CLASS_COLORS = {new Color(31, 119, 180), new Color(255, 127, 14),
        new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
        new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};
    private static final Map<Outcome, Color> UNDECIDED_REGION = new EnumMap<>(Map.of(
            Outcome.AMBIGUOUS, new Color(125, 125, 125),
            Outcome.UNCLASSIFIED, new Color(205, 205, 205),
            Outcome.TIED, new Color(125, 125, 125)));

    private ClassifierPlots() {
    }

    // ---- training history ---------------------------------------------------------------------

    /** {@link #history(TrainingHistory, String)} titled after the model. */
    public static XYChart history(TrainingHistory history) {
        if (history == null) {
            throw new IllegalArgumentException("history is null");
        }
        return history(history, "Training history: " + history.model());
    }

    /**
     * Loss (left axis) and accuracy (right axis) against the epoch, on the training data and, if
     * it was measured, the validation data (dashed).
     */
    public static XYChart history(TrainingHistory history, String title) {
        if (history == null) {
            throw new IllegalArgumentException("history is null");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch")
                .yAxisTitle("mean cross-entropy loss").build();
        Styler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(1, 0.0);
        chart.getStyler().setYAxisMax(1, 1.0);
        chart.setYAxisGroupTitle(0, "mean cross-entropy loss");
        chart.setYAxisGroupTitle(1, "accuracy");
        List<Epoch> epochs = history.epochs();
        double[] x = epochs.stream().mapToDouble(Epoch::epoch).toArray();
        line(chart, "training loss", x, epochs.stream().mapToDouble(Epoch::loss).toArray(), CLASS_COLORS[0], 0, false);
        line(chart, "training accuracy", x, epochs.stream().mapToDouble(Epoch::accuracy).toArray(), CLASS_COLORS[1], 1,
                false);
        if (history.hasValidation()) {
            line(chart, "validation loss", x, epochs.stream().mapToDouble(Epoch::validationLoss).toArray(),
                    CLASS_COLORS[0], 0, true);
            line(chart, "validation accuracy", x, epochs.stream().mapToDouble(Epoch::validationAccuracy).toArray(),
                    CLASS_COLORS[1], 1, true);
        }
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, int axis,
                             boolean dashed) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineWidth(2f);
        series.setYAxisGroup(axis);
        if (dashed) {
            series.setLineStyle(SeriesLines.DASH_DASH);
        }
    }

    // ---- decision regions ---------------------------------------------------------------------

    /**
     * {@link #decisionRegions(DecisionRule, Matrix, int[], List, String, String, String)} for a
     * data set with exactly two features, titled after the rule.
     */
    public static XYChart decisionRegions(DecisionRule rule, Dataset data) {
        if (rule == null || data == null) {
            throw new IllegalArgumentException((rule == null ? "rule" : "data") + " is null");
        }
        return decisionRegions(rule, data.features(), data.labels(), data.classNames(), data.featureNames().get(0),
                data.featureCount() > 1 ? data.featureNames().get(1) : "", "Decision regions: " + rule.name());
    }

    /**
     * The rule's decision at every cell of a grid over the plane the points span (plus a margin),
     * painted in a light shade of the class chosen, dark grey where one-vs-rest is ambiguous or
     * one-vs-one tied, light grey where one-vs-rest leaves the point unclassified. The points are
     * drawn on top in their true class's colour; those the rule itself leaves undecided are
     * crossed out in black.
     *
     * @param points      n × 2, the two features the rule takes
     * @param labels      the true class of each point
     * @param classNames  C names
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
        if (c > CLASS_COLORS.length) {
            throw new IllegalArgumentException("classNames has " + c + " names: decision regions are drawn for at most "
                    + CLASS_COLORS.length + " classes");
        }

        // The grid: cells no larger than a marker, so that the square markers tile the plot.
        double[] xr = range(points, 0);
        double[] yr = range(points, 1);
        int nx = REGIONS_WIDTH / CELL;
        int ny = HEIGHT / CELL;
        double[] grid = new double[nx * ny * 2];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                grid[(i * ny + j) * 2] = xr[0] + (xr[1] - xr[0]) * i / (nx - 1);
                grid[(i * ny + j) * 2 + 1] = yr[0] + (yr[1] - yr[0]) * j / (ny - 1);
            }
        }
        Decisions cells = rule.decide(Matrix.wrap(nx * ny, 2, grid));

        XYChart chart = new XYChartBuilder().width(REGIONS_WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(CELL);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisMin(xr[0]);
        chart.getStyler().setXAxisMax(xr[1]);
        chart.getStyler().setYAxisMin(yr[0]);
        chart.getStyler().setYAxisMax(yr[1]);
        chart.getStyler().setXAxisDecimalPattern("0.##");
        chart.getStyler().setYAxisDecimalPattern("0.##");

        int[] cellLabels = cells.labels();
        Outcome[] cellOutcomes = cells.outcomes();
        for (int k = 0; k < c; k++) {
            int kk = k;
            scatter(chart, "region: " + classNames.get(k), grid, i -> cellLabels[i] == kk, nx * ny,
                    light(CLASS_COLORS[k]), SeriesMarkers.SQUARE);
        }
        for (Outcome o : List.of(Outcome.AMBIGUOUS, Outcome.UNCLASSIFIED, Outcome.TIED)) {
            scatter(chart, "region: " + o.description(), grid, i -> cellOutcomes[i] == o, nx * ny,
                    UNDECIDED_REGION.get(o), SeriesMarkers.SQUARE);
        }
        Decisions atPoints = rule.decide(points);
        Outcome[] pointOutcomes = atPoints.outcomes();
        for (int k = 0; k < c; k++) {
            int kk = k;
            scatter(chart, classNames.get(k), points.data(), i -> labels[i] == kk, points.rows(), CLASS_COLORS[k],
                    SeriesMarkers.CIRCLE);
        }
        for (Outcome o : List.of(Outcome.AMBIGUOUS, Outcome.UNCLASSIFIED, Outcome.TIED)) {
            scatter(chart, o.name().toLowerCase(java.util.Locale.ROOT) + " point", points.data(),
                    i -> pointOutcomes[i] == o, points.rows(), Color.BLACK,
                    o == Outcome.UNCLASSIFIED ? SeriesMarkers.PLUS : SeriesMarkers.CROSS);
        }
        return chart;
    }

    /** Adds the rows of {@code xy} (n × 2) that pass {@code keep} as a scatter series, if any do. */
    private static void scatter(XYChart chart, String name, double[] xy, java.util.function.IntPredicate keep, int n,
                                Color color, org.knowm.xchart.style.markers.Marker marker) {
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

    /** The colour mixed 30 : 70 with white: a region shade that points stand out against. */
    private static Color light(Color c) {
        return new Color(mix(c.getRed()), mix(c.getGreen()), mix(c.getBlue()));
    }

    private static int mix(int v) {
        return (int) Math.round(0.3 * v + 0.7 * 255);
    }

    // ---- predicted probabilities --------------------------------------------------------------

    /**
     * How a binary model's predicted probabilities fall, split by the true class: one bar per
     * class and bin of [0, 1], side by side, so that a well-separated model shows two humps at the
     * ends and the samples near the 0.5 threshold stand out.
     *
     * @param probabilities n predicted probabilities P(y = 1 | x), each in [0, 1]
     * @param labels        the n true classes
     * @param classNames    the class names, one per label value
     * @param bins          the number of equal-width bins over [0, 1]
     */
    public static CategoryChart probabilityHistogram(String title, double[] probabilities, int[] labels,
                                                     List<String> classNames, int bins) {
        if (probabilities == null || labels == null || probabilities.length != labels.length
                || probabilities.length == 0) {
            throw new IllegalArgumentException("probabilities and labels must be non-empty and of equal length, got "
                    + (probabilities == null ? "null" : probabilities.length) + " and "
                    + (labels == null ? "null" : labels.length));
        }
        if (classNames == null || classNames.isEmpty() || classNames.size() > CLASS_COLORS.length) {
            throw new IllegalArgumentException("classNames must name 1 to " + CLASS_COLORS.length + " classes");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins = " + bins + " must be at least 1");
        }
        int c = classNames.size();
        Require.labels("labels", labels, c);
        int[][] counts = new int[c][bins];
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities[" + i + "] = " + p + " is not in [0, 1]");
            }
            counts[labels[i]][Math.min(bins - 1, (int) (p * bins))]++;
        }
        List<String> names = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            names.add(String.format(java.util.Locale.ROOT, "%.2f", (b + 0.5) / bins));
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("predicted probability (bin centre)").yAxisTitle("number of samples").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideN);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(bins > 12 ? 90 : 0);
        for (int k = 0; k < c; k++) {
            List<Integer> ys = new ArrayList<>();
            for (int b = 0; b < bins; b++) {
                ys.add(counts[k][b]);
            }
            chart.addSeries("true class: " + classNames.get(k), names, ys).setFillColor(CLASS_COLORS[k]);
        }
        return chart;
    }

    // ---- digits -------------------------------------------------------------------------------

    /** The side of one 8 × 8 digit in the grid, in pixels (12 screen pixels per image pixel). */
    static final int DIGIT_SIDE = 96;

    /**
     * Handwritten digits in a grid, each drawn as its 8 × 8 image (ink 0–16 from white to black,
     * 12 screen pixels per image pixel) with its caption underneath: "true 3 · predicted 3" in
     * green when right, in red when wrong, or just "3" when {@code predicted} is null.
     *
     * @param pixels    n × 64, the raw (unstandardised) ink counts 0–16, row by row
     * @param truth     the n true digits
     * @param predicted the n predicted digits, {@link Decisions#UNDECIDED} for none, or null
     * @param columns   digits per row of the grid
     */
    public static BufferedImage digitGrid(Matrix pixels, int[] truth, int[] predicted, int columns) {
        Require.nonEmpty("pixels", pixels);
        if (pixels.cols() != 64) {
            throw new IllegalArgumentException("pixels is " + pixels.shape() + ": each digit is one row of 8 × 8 = 64 pixels");
        }
        Require.oneLabelPerRow("pixels", pixels, "truth", truth);
        if (predicted != null) {
            Require.oneLabelPerRow("pixels", pixels, "predicted", predicted);
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns = " + columns + " must be at least 1");
        }
        double[] data = pixels.data();
        for (int k = 0; k < data.length; k++) {
            if (!(data[k] >= 0 && data[k] <= 16)) {
                throw new IllegalArgumentException("pixels[" + k / 64 + "][" + k % 64 + "] = " + data[k]
                        + " is not an ink count 0–16: pass the raw digits, not standardised ones");
            }
        }
        int n = pixels.rows();
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int pad = 12;
        int caption = predicted == null ? 24 : 40;
        int cellW = Math.max(DIGIT_SIDE, predicted == null ? DIGIT_SIDE : 132) + pad;
        int cellH = DIGIT_SIDE + caption + pad;
        BufferedImage image = new BufferedImage(cols * cellW + pad, rows * cellH + pad, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            int px = DIGIT_SIDE / 8;
            for (int i = 0; i < n; i++) {
                int x0 = pad + (i % cols) * cellW + (cellW - pad - DIGIT_SIDE) / 2;
                int y0 = pad + (i / cols) * cellH;
                for (int r = 0; r < 8; r++) {
                    for (int c = 0; c < 8; c++) {
                        int grey = 255 - (int) Math.round(data[i * 64 + r * 8 + c] / 16.0 * 255);
                        g.setColor(new Color(grey, grey, grey));
                        g.fillRect(x0 + c * px, y0 + r * px, px, px);
                    }
                }
                g.setColor(new Color(190, 190, 190));
                g.setStroke(new BasicStroke(1f));
                g.drawRect(x0 - 1, y0 - 1, DIGIT_SIDE + 1, DIGIT_SIDE + 1);
                int centre = pad + (i % cols) * cellW + (cellW - pad) / 2;
                int baseline = y0 + DIGIT_SIDE + fm.getAscent() + 4;
                if (predicted == null) {
                    text(g, fm, Integer.toString(truth[i]), centre, baseline, Color.BLACK);
                } else {
                    boolean right = predicted[i] == truth[i];
                    Color color = right ? new Color(0, 120, 0) : new Color(200, 0, 0);
                    text(g, fm, "true " + truth[i], centre, baseline, Color.BLACK);
                    String guess = predicted[i] == Decisions.UNDECIDED ? "undecided" : Integer.toString(predicted[i]);
                    text(g, fm, "predicted " + guess, centre, baseline + fm.getHeight(), color);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void text(Graphics2D g, FontMetrics fm, String s, int centre, int baseline, Color color) {
        g.setColor(color);
        g.drawString(s, centre - fm.stringWidth(s) / 2, baseline);
    }

    // ---- layout -------------------------------------------------------------------------------

    /**
     * Charts rendered side by side, {@code columns} to a row, as one image: for example the
     * decision regions of one-vs-rest, one-vs-one and softmax next to each other.
     */
    public static BufferedImage sideBySide(List<XYChart> charts, int columns) {
        if (charts == null || charts.isEmpty()) {
            throw new IllegalArgumentException("charts is " + (charts == null ? "null" : "empty"));
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns = " + columns + " must be at least 1");
        }
        List<BufferedImage> images = new ArrayList<>();
        int w = 0;
        int h = 0;
        for (int k = 0; k < charts.size(); k++) {
            if (charts.get(k) == null) {
                throw new IllegalArgumentException("charts[" + k + "] is null");
            }
            BufferedImage image = BitmapEncoder.getBufferedImage(charts.get(k));
            images.add(image);
            w = Math.max(w, image.getWidth());
            h = Math.max(h, image.getHeight());
        }
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int k = 0; k < images.size(); k++) {
                g.drawImage(images.get(k), (k % cols) * w, (k / cols) * h, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
