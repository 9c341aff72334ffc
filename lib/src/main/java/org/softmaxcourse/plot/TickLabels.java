package org.softmaxcourse.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.softmaxcourse.numeric.Numbers;

/**
 * The tick labels of one axis: round numbers written with the fewest decimals that tell them
 * apart, the same count on every label of the axis, with a leading zero ({@code 0.5}, never
 * {@code .5}).
 *
 * <p>Why this exists: XChart places numeric ticks at 1, 2 or 5 × 10ᵏ (multiples of the step, so 0
 * is a tick whenever the range spans it) <em>unless</em> the x values of the data are equally
 * spaced, in which case it puts ticks on data points (−4.77, −3.54, …) — which every sampled
 * curve triggers. Installing a label function switches XChart to its round-number tick path. The
 * labels XChart then asks for come one at a time, so the count of decimals is learnt in a first,
 * off-screen rendering ({@link #calibrate}) and used in the second; until then each label is the
 * shortest form of its own value. {@link #drawn} reads back the labels a rendering drew.
 */
final class TickLabels implements Function<Double, String> {
    /** Significant digits a tick label ever needs: ticks are multiples of a 1-2-5 step. */
    private static final int DIGITS = 6;

    private final List<List<Double>> runs = new ArrayList<>();
    private final boolean lastRunOnly;
    private String[] calibrated;
    /** The calibrated labels per distinct run of ticks: one per y axis group, in group order. */
    private List<List<String>> calibratedRuns = List.of();
    /** Per run of the calibrating rendering: the count of decimals of its ticks, or −1. */
    private int[] runDecimals;
    /** Per run: whether its ticks are in scientific notation. */
    private boolean[] runScientific;
    private boolean recording;
    private int replayRun = -1;
    private double replayLast = Double.NaN;

    /**
     * @param lastRunOnly true for an x axis, where XChart retries with a coarser step when the
     *                    labels would overlap (only the last run of ticks is drawn); false for y,
     *                    whose axis groups (left and right) are asked for one after the other
     */
    TickLabels(boolean lastRunOnly) {
        this.lastRunOnly = lastRunOnly;
    }

    @Override
    public String apply(Double value) {
        return minus(format(value == null ? Double.NaN : value));
    }

    /** A typographic minus sign (U+2212), as in print, rather than a hyphen. */
    static String minus(String label) {
        String s = label.replace("e-", "e−");
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    private String format(double v) {
        if (recording) {
            if (runs.isEmpty() || !(v > last(runs.get(runs.size() - 1)))) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(v);
            return shortest(v);
        }
        if (runDecimals == null) {
            return shortest(v);
        }
        // Replays the calibrating rendering: XChart asks for the same runs in the same order.
        if (replayRun < 0 || !(v > replayLast)) {
            replayRun = (replayRun + 1) % runDecimals.length;
        }
        replayLast = v;
        int d = runDecimals[replayRun];
        if (d < 0) {
            return shortest(v);
        }
        if (runScientific[replayRun]) {
            return v == 0 ? "0" : Numbers.scientific(v, d);
        }
        String s = new java.math.BigDecimal(v).setScale(d, java.math.RoundingMode.HALF_EVEN).toPlainString();
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    private static String shortest(double v) {
        return Numbers.aligned(new double[] {v}, DIGITS)[0];
    }

    /** Starts recording the values asked for (the off-screen rendering). */
    void startRecording() {
        runs.clear();
        calibrated = null;
        runDecimals = null;
        replayRun = -1;
        replayLast = Double.NaN;
        recording = true;
    }

    /**
     * Fixes the labels of the ticks recorded since {@link #startRecording}. XChart also asks for
     * the labels of the data's minimum and maximum (to size the axis); only values on a run's
     * arithmetic progression (its most common step) count as ticks.
     */
    void calibrate() {
        recording = false;
        replayRun = -1;
        replayLast = Double.NaN;
        runDecimals = new int[Math.max(1, runs.size())];
        runScientific = new boolean[runDecimals.length];
        java.util.Arrays.fill(runDecimals, -1);
        List<String> drawn = new ArrayList<>();
        List<List<String>> distinct = new ArrayList<>();
        List<String> lastDrawn = List.of();
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        for (int r = 0; r < runs.size(); r++) {
            List<Double> ticks = progression(runs.get(r));
            if (ticks.size() < 2) {
                continue;
            }
            double[] values = ticks.stream().mapToDouble(Double::doubleValue).toArray();
            String[] labels = Numbers.aligned(values, DIGITS);
            runScientific[r] = labels[labels.length - 1].contains("e");
            runDecimals[r] = runScientific[r] ? DIGITS : decimals(labels);
            if (runScientific[r]) {
                // the fewest significant digits that keep the run's labels apart
                for (int d = 1; d <= DIGITS; d++) {
                    String[] shorter = new String[values.length];
                    for (int i = 0; i < values.length; i++) {
                        shorter[i] = values[i] == 0 ? "0" : Numbers.scientific(values[i], d);
                    }
                    if (new java.util.HashSet<>(java.util.Arrays.asList(shorter)).size() == values.length) {
                        runDecimals[r] = d;
                        labels = shorter;
                        break;
                    }
                }
            }
            lastDrawn = List.of(labels);
            if (seen.add(lastDrawn)) {
                drawn.addAll(lastDrawn);
                distinct.add(lastDrawn.stream().map(TickLabels::minus).toList());
            }
        }
        calibrated = (lastRunOnly ? lastDrawn : drawn).stream().map(TickLabels::minus).toArray(String[]::new);
        calibratedRuns = lastRunOnly ? List.of(List.of(calibrated)) : List.copyOf(distinct);
    }

    private static int decimals(String[] labels) {
        int d = 0;
        for (String l : labels) {
            int dot = l.indexOf('.');
            d = Math.max(d, dot < 0 ? 0 : l.length() - dot - 1);
        }
        return d;
    }

    /** The values of {@code run} on its most common step, or none if it has no repeated step. */
    private static List<Double> progression(List<Double> run) {
        java.util.Map<Double, Integer> steps = new java.util.HashMap<>();
        for (int i = 1; i < run.size(); i++) {
            double d = run.get(i) - run.get(i - 1);
            if (d > 0) {
                steps.merge(roundTo12(d), 1, Integer::sum);
            }
        }
        double step = 0;
        int best = 0;
        for (java.util.Map.Entry<Double, Integer> e : steps.entrySet()) {
            if (e.getValue() > best) {
                best = e.getValue();
                step = e.getKey();
            }
        }
        List<Double> out = new ArrayList<>();
        if (best < 1) {
            return out;
        }
        for (double v : run) {
            double k = v / step;
            if (Math.abs(k - Math.rint(k)) < 1e-6) {
                out.add(v);
            }
        }
        return out;
    }

    private static double roundTo12(double d) {
        return new java.math.BigDecimal(d).round(new java.math.MathContext(12)).doubleValue();
    }

    /** The labels of the last calibrated rendering, in the order XChart asked for them. */
    List<String> labels() {
        return calibrated == null ? List.of() : List.of(calibrated);
    }

    /** The labels of each axis (y: each axis group, left then right) of the last calibrated rendering. */
    List<List<String>> labelsPerAxis() {
        return calibratedRuns;
    }

    /**
     * The tick labels the last {@link HouseStyle#render} drew on the x axis ({@code "x"}) or the
     * y axes ({@code "y"}, left then right) of a house-style XY chart, in order: those within the
     * axis's range (the data's, or the one the chart sets, and the margin XChart leaves around
     * it). Empty before a rendering or for a chart not built in the house style.
     *
     * @param chart a chart from this package
     * @param axis  "x" or "y"
     * @return the labels, e.g. [−6, −4, −2, 0, 2, 4, 6]
     * @throws IllegalArgumentException if {@code chart} is null or {@code axis} is neither "x" nor "y"
     */
    static List<String> drawn(XYChart chart, String axis) {
        if (chart == null) {
            throw new IllegalArgumentException("chart is null");
        }
        boolean x = switch (axis == null ? "" : axis) {
            case "x" -> true;
            case "y" -> false;
            default -> throw new IllegalArgumentException("axis = \"" + axis + "\": use \"x\" or \"y\"");
        };
        Object f = x ? chart.getStyler().getxAxisTickLabelsFormattingFunction()
                : chart.getStyler().getyAxisTickLabelsFormattingFunction();
        if (!(f instanceof TickLabels t)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<List<String>> axes = t.labelsPerAxis();
        for (int group = 0; group < axes.size(); group++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (XYSeries s : chart.getSeriesMap().values()) {
                if (x || s.getYAxisGroup() == group) {
                    for (double v : x ? s.getXData() : s.getYData()) {
                        if (Double.isFinite(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
            }
            Double min = x ? chart.getStyler().getXAxisMin() : chart.getStyler().getYAxisMin(group);
            Double max = x ? chart.getStyler().getXAxisMax() : chart.getStyler().getYAxisMax(group);
            lo = min != null ? min : lo;
            hi = max != null ? max : hi;
            // XChart leaves (1 − plot content size) of the plot empty around the data, half each side.
            double content = chart.getStyler().getPlotContentSize();
            double slack = (hi - lo) * (1 - content) / (2 * content) + 1e-9 * Math.max(1, hi - lo);
            for (String label : axes.get(group)) {
                double v = Double.parseDouble(label.replace('−', '-').replace(" ", ""));
                if (v >= lo - slack && v <= hi + slack) {
                    out.add(label);
                }
            }
        }
        return out;
    }

    private static double last(List<Double> run) {
        return run.isEmpty() ? Double.NEGATIVE_INFINITY : run.get(run.size() - 1);
    }

    private static boolean same(double a, double b) {
        return a == b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }
}
