package org.softmaxcourse.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Where the house style puts an XY chart's legend: inside the plot, in the corner the data
 * leaves emptiest; beside the plot when every corner has data under it; nowhere for a chart of
 * one curve. Called through {@link HouseStyle#placeLegend} and {@link HouseStyle#finish}.
 */
final class LegendPlacement {

    private LegendPlacement() {
    }

    /**
     * Puts the legend inside the plot, in the corner the chart's data leaves emptiest, or beside
     * the plot when every corner has data under it; a chart of one curve has no legend. The
     * legend's size is estimated from the series names; a point counts when it falls in the
     * corner's box (with a margin).
     *
     * @param chart the chart
     */
    static void place(XYChart chart) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        int longest = 0;
        int entries = 0;
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (!s.isShowInLegend()) {
                continue;
            }
            xs.add(s.getXData());
            // On a logarithmic axis the data sit where their logarithms do.
            ys.add(chart.getStyler().isYAxisLogarithmic()
                    ? java.util.Arrays.stream(s.getYData()).map(v -> v > 0 ? Math.log10(v) : Double.NaN).toArray()
                    : s.getYData());
            groups.add(s.getYAxisGroup());
            longest = Math.max(longest, s.getName().length());
            entries++;
        }
        if (entries == 0) {
            return;
        }
        if (entries == 1 && chart.getSeriesMap().size() <= 2) {
            // One curve: its title and axis titles say what it is, as in print; no legend box.
            chart.getStyler().setLegendVisible(false);
            return;
        }
        double plotW = chart.getWidth() - 110.0;
        double plotH = chart.getHeight() - 100.0;
        // Legend box in plot fractions: a line sample and the text, one 21-px row per entry.
        double boxW = Math.min(0.95, (chart.getStyler().getLegendSeriesLineLength() + 24 + 7.2 * longest) / plotW);
        double boxH = Math.min(0.95, (12 + 21.0 * entries) / plotH);
        Styler.LegendPosition[] corners = {Styler.LegendPosition.InsideNE, Styler.LegendPosition.InsideNW,
            Styler.LegendPosition.InsideSE, Styler.LegendPosition.InsideSW};
        long[] hits = new long[4];
        double[][] range = ranges(xs, ys, groups);
        for (int si = 0; si < xs.size(); si++) {
            double[] x = xs.get(si);
            double[] y = ys.get(si);
            double[] r = range[groups.get(si)];
            for (int i = 0; i < x.length; i++) {
                double fx = (x[i] - range[2][0]) / (range[2][1] - range[2][0]);
                double fy = (y[i] - r[0]) / (r[1] - r[0]);
                if (!Double.isFinite(fx) || !Double.isFinite(fy)) {
                    continue;
                }
                boolean right = fx >= 1 - boxW - 0.03;
                boolean left = fx <= boxW + 0.03;
                boolean top = fy >= 1 - boxH - 0.04;
                boolean bottom = fy <= boxH + 0.04;
                hits[0] += right && top ? 1 : 0;
                hits[1] += left && top ? 1 : 0;
                hits[2] += right && bottom ? 1 : 0;
                hits[3] += left && bottom ? 1 : 0;
            }
        }
        int best = 0;
        for (int c = 1; c < 4; c++) {
            if (hits[c] < hits[best]) {
                best = c;
            }
        }
        chart.getStyler().setLegendPosition(hits[best] == 0 ? corners[best] : Styler.LegendPosition.OutsideE);
    }

    /** [group 0 y range, group 1 y range, x range], each {min, max} of the finite data. */
    private static double[][] ranges(List<double[]> xs, List<double[]> ys, List<Integer> groups) {
        double[][] r = new double[3][];
        for (int k = 0; k < 3; k++) {
            r[k] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        }
        for (int si = 0; si < xs.size(); si++) {
            double[] yr = r[Math.min(1, groups.get(si))];
            for (double v : ys.get(si)) {
                if (Double.isFinite(v)) {
                    yr[0] = Math.min(yr[0], v);
                    yr[1] = Math.max(yr[1], v);
                }
            }
            for (double v : xs.get(si)) {
                if (Double.isFinite(v)) {
                    r[2][0] = Math.min(r[2][0], v);
                    r[2][1] = Math.max(r[2][1], v);
                }
            }
        }
        return r;
    }
}
