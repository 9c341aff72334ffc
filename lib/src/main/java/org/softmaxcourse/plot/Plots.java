package org.softmaxcourse.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.softmaxcourse.activation.Activation;

/**
 * Charts of the course's functions, built and returned, never shown: a notebook passes them to
 * {@code Notebook.show}. Every chart has a title, labelled axes and a legend, and is drawn in the
 * {@link HouseStyle}.
 */
public final class Plots {
    /** Width of the course's charts in pixels ({@link HouseStyle#WIDTH}). */
    public static final int WIDTH = HouseStyle.WIDTH;
    /** Height of the course's charts in pixels ({@link HouseStyle#HEIGHT}). */
    public static final int HEIGHT = HouseStyle.HEIGHT;
    /**
     * A curve whose largest value is this many times smaller than the largest curve's is drawn
     * on a second y axis at the right, so that its shape stays visible.
     */
    public static final double SECOND_AXIS_RATIO = 10;
    /** Points per curve: enough that a kink (ReLU at 0) looks sharp. */
    public static final int SAMPLES = 401;

    private Plots() {
    }

    /**
     * g(z) for each activation over [from, to].
     *
     * @param activations the activation functions
     * @param from the left end of the interval
     * @param to the right end of the interval
     * @return the chart
     */
    public static XYChart activations(double from, double to, Activation... activations) {
        return curves("Activation functions g(z)", "z", "g(z)", from, to, byName(activations, false));
    }

    /**
     * g′(z) for each activation over [from, to].
     *
     * @param activations the activation functions
     * @param from the left end of the interval
     * @param to the right end of the interval
     * @return the chart
     */
    public static XYChart derivatives(double from, double to, Activation... activations) {
        return curves("Their derivatives g′(z)", "z", "g′(z)", from, to, byName(activations, true));
    }

    /**
     * One activation and its derivative on one chart.
     *
     * @param activation the activation function
     * @param from the left end of the interval
     * @param to the right end of the interval
     * @return the chart
     */
    public static XYChart withDerivative(double from, double to, Activation activation) {
        requireNotNull("activation", activation);
        Map<String, DoubleUnaryOperator> fs = new LinkedHashMap<>();
        fs.put(activation.name(), activation::value);
        fs.put(activation.name() + "′", activation::derivative);
        return curves(activation.name() + " and its derivative", "z", "value", from, to, fs);
    }

    /**
     * Any functions of one variable over [from, to], one line each, named by the map's keys in
     * its iteration order, in the {@link HouseStyle} (series k in colour k and dash pattern k).
     *
     * <p>Honest scales: a curve whose largest magnitude is at least {@value #SECOND_AXIS_RATIO}
     * times smaller than the largest curve's goes on a second y axis at the right, marked
     * "(right axis)" in the legend, instead of lying flat along the bottom. The legend goes in the
     * emptiest corner of the plot.
      *
      * @param from the left end of the interval
      * @param functions the functions by name
      * @param title the title
      * @param to the right end of the interval
      * @param xLabel the x axis title
      * @param yLabel the y axis title
      * @return the chart
     */
    public static XYChart curves(String title, String xLabel, String yLabel, double from, double to,
                                 Map<String, ? extends DoubleUnaryOperator> functions) {
        if (!(Double.isFinite(from) && Double.isFinite(to) && from < to)) {
            throw new IllegalArgumentException("the interval [" + from + ", " + to
                    + "] is not a finite interval with from < to");
        }
        if (functions == null || functions.isEmpty()) {
            throw new IllegalArgumentException("functions is empty: a chart needs at least one curve");
        }
        double[] x = grid(from, to, SAMPLES);
        Map<String, double[]> ys = new LinkedHashMap<>();
        double[] peak = new double[functions.size()];
        double largest = 0;
        int k = 0;
        for (Map.Entry<String, ? extends DoubleUnaryOperator> e : functions.entrySet()) {
            if (e.getValue() == null) {
                throw new IllegalArgumentException("the function of \"" + e.getKey() + "\" is null");
            }
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = e.getValue().applyAsDouble(x[i]);
                if (Double.isFinite(y[i])) {
                    peak[k] = Math.max(peak[k], Math.abs(y[i]));
                }
            }
            largest = Math.max(largest, peak[k]);
            ys.put(e.getKey(), y);
            k++;
        }
        XYChart chart = HouseStyle.xyChart(title, xLabel, yLabel);
        boolean rightAxis = false;
        k = 0;
        for (Map.Entry<String, double[]> e : ys.entrySet()) {
            boolean small = functions.size() > 1 && peak[k] > 0 && peak[k] * SECOND_AXIS_RATIO <= largest;
            XYSeries s = HouseStyle.curve(chart, small ? e.getKey() + " (right axis)" : e.getKey(), x, e.getValue(), k);
            if (small) {
                s.setYAxisGroup(1);
                rightAxis = true;
            }
            k++;
        }
        if (rightAxis) {
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            chart.setYAxisGroupTitle(0, yLabel);
            chart.setYAxisGroupTitle(1, yLabel + " (right axis)");
        }
        return HouseStyle.finish(chart);
    }

    /**
     * Probability distributions over the same classes as grouped bars, one colour per
     * distribution (e.g. a target and two predictions).
      *
      * @param classNames the class names
      * @param distributions the distributions by name, one probability per class
      * @param title the title
      * @return the chart
     */
    public static CategoryChart distributions(String title, String[] classNames,
                                              Map<String, double[]> distributions) {
        if (classNames == null || classNames.length == 0) {
            throw new IllegalArgumentException("classNames is empty: name at least one class");
        }
        if (distributions == null || distributions.isEmpty()) {
            throw new IllegalArgumentException("distributions is empty: a chart needs at least one");
        }
        CategoryChart chart = HouseStyle.categoryChart(title, "class", "probability");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        for (Map.Entry<String, double[]> e : distributions.entrySet()) {
            if (e.getValue().length != classNames.length) {
                throw new IllegalArgumentException("shape mismatch: " + classNames.length + " classes but \""
                        + e.getKey() + "\" has " + e.getValue().length + " probabilities");
            }
            chart.addSeries(e.getKey(), java.util.Arrays.asList(classNames), box(e.getValue()));
        }
        // The legend inside, over the first or last class if its bars stay low, else beside.
        double first = 0;
        double last = 0;
        for (double[] p : distributions.values()) {
            first = Math.max(first, p[0]);
            last = Math.max(last, p[p.length - 1]);
        }
        double room = 1 - 0.09 * (distributions.size() + 1);
        chart.getStyler().setLegendPosition(last <= room ? Styler.LegendPosition.InsideNE
                : first <= room ? Styler.LegendPosition.InsideNW : Styler.LegendPosition.OutsideE);
        return chart;
    }

    private static java.util.List<Double> box(double[] v) {
        java.util.List<Double> out = new java.util.ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    /**
     * {@code n} evenly spaced points from {@code from} to {@code to}, both included.
     *
     * @param from the left end of the interval
     * @param n the number of points, at least 2
     * @param to the right end of the interval
     * @return the points
     */
    public static double[] grid(double from, double to, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("n = " + n + " must be at least 2");
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // from + i·step drifts; interpolating from both ends lands exactly on `to`.
            x[i] = from * ((double) (n - 1 - i) / (n - 1)) + to * ((double) i / (n - 1));
        }
        return x;
    }

    private static Map<String, DoubleUnaryOperator> byName(Activation[] activations, boolean derivative) {
        if (activations == null || activations.length == 0) {
            throw new IllegalArgumentException("activations is empty: name at least one");
        }
        Map<String, DoubleUnaryOperator> fs = new LinkedHashMap<>();
        for (int i = 0; i < activations.length; i++) {
            Activation a = activations[i];
            requireNotNull("activations[" + i + "]", a);
            fs.put(derivative ? a.name() + "′" : a.name(), derivative ? a::derivative : a::value);
        }
        return fs;
    }

    private static void requireNotNull(String name, Object o) {
        if (o == null) {
            throw new IllegalArgumentException(name + " is null");
        }
    }
}
