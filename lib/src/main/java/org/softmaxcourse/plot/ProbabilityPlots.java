package org.softmaxcourse.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.softmaxcourse.numeric.Require;

/** How a binary model's predicted probabilities fall, and where its decision threshold cuts them. */
public final class ProbabilityPlots {
    /** The decision threshold marked on {@link #probabilityHistogram}: a model predicts class 1 from here on. */
    public static final double THRESHOLD = 0.5;

    private ProbabilityPlots() {
    }

    /**
     * A histogram of predicted probabilities split by the true class: for each of {@code bins}
     * equal bins of [0, 1], one bar per class side by side, so that a well-separated model shows
     * two humps at the ends. A dashed vertical line marks the threshold {@value #THRESHOLD}: bars
     * of class 0 to its right and of class 1 to its left are the model's mistakes.
     *
     * @param title         the chart title
     * @param probabilities n predicted probabilities P(y = 1 | x), each in [0, 1]
     * @param labels        the n true classes
     * @param classNames    the class names, one per label value
     * @param bins          the number of equal-width bins over [0, 1]
     * @return the chart; x is the predicted probability from 0 to 1
     */
    public static XYChart probabilityHistogram(String title, double[] probabilities, int[] labels,
                                               List<String> classNames, int bins) {
        int[][] counts = counts(probabilities, labels, classNames, bins);
        int c = classNames.size();
        int most = 1;
        for (int[] row : counts) {
            for (int v : row) {
                most = Math.max(most, v);
            }
        }
        XYChart chart = HouseStyle.xyChart(title, "predicted probability P(y = 1 | x)", "number of samples");
        // The baseline of the bars lies on the plot's lower border (no margin around the data);
        // a little room left and right instead, so the outer bars clear the border.
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setXAxisMin(-0.02);
        chart.getStyler().setXAxisMax(1.02);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(most * 1.12);
        double width = 1.0 / bins;
        double gap = 0.08 * width;
        for (int k = 0; k < c; k++) {
            // Each class's bars as one outline along the baseline: up, across, down, per bin.
            double[] x = new double[4 * bins];
            double[] y = new double[4 * bins];
            for (int b = 0; b < bins; b++) {
                double left = b * width + gap + k * (width - 2 * gap) / c;
                double right = left + (width - 2 * gap) / c;
                x[4 * b] = left;
                x[4 * b + 1] = left;
                x[4 * b + 2] = right;
                x[4 * b + 3] = right;
                y[4 * b + 1] = counts[k][b];
                y[4 * b + 2] = counts[k][b];
            }
            XYSeries s = chart.addSeries("true class: " + classNames.get(k), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(HouseStyle.colour(k));
            s.setFillColor(HouseStyle.colour(k));
            s.setLineWidth(1f);
        }
        Styler st = chart.getStyler();
        st.setAnnotationLineColor(new Color(40, 40, 40));
        st.setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        st.setAnnotationTextFont(new Font(HouseStyle.FONT, Font.PLAIN, 13));
        st.setAnnotationTextFontColor(new Color(40, 40, 40));
        chart.addAnnotation(new AnnotationLine(THRESHOLD, true, false));
        // The label's centre, about half its width right of the line, so that the line stays clear.
        chart.addAnnotation(new AnnotationText("threshold " + THRESHOLD, THRESHOLD + 0.075, most * 1.06, false));
        HouseStyle.placeLegend(chart);
        return chart;
    }

    /**
     * counts[k][b]: how many samples of true class k have a probability in bin b (the last bin
     * includes 1).
     */
    static int[][] counts(double[] probabilities, int[] labels, List<String> classNames, int bins) {
        if (probabilities == null || labels == null || probabilities.length != labels.length
                || probabilities.length == 0) {
            throw new IllegalArgumentException("probabilities and labels must be non-empty and of equal length, got "
                    + (probabilities == null ? "null" : probabilities.length) + " and "
                    + (labels == null ? "null" : labels.length));
        }
        if (classNames == null || classNames.isEmpty() || classNames.size() > HouseStyle.colours()) {
            throw new IllegalArgumentException("classNames must name 1 to " + HouseStyle.colours() + " classes");
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
        return counts;
    }
}
