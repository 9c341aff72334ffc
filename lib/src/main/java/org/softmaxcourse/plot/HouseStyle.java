package org.softmaxcourse.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The course's one look for every chart: size, palette, fonts, line widths and dash patterns,
 * marker size, where the legend goes, and round tick labels. Every plotting entry point of this
 * package builds its chart here, so a change of style is a change in one place.
 *
 * <ul>
 *   <li>Size {@value #WIDTH} × {@value #HEIGHT} px ({@value #WIDE_WIDTH} px wide when a legend
 *       sits beside the plot), white background, light grid.</li>
 *   <li>Palette: Okabe and Ito's eight colours, told apart with every common colour-vision
 *       deficiency; series k also gets dash pattern k, so two curves that coincide (ReLU and
 *       ReLU6 below 6) still show as two.</li>
 *   <li>Fonts: the logical {@value #FONT} family, which Java maps to the platform's sans-serif
 *       font with fallbacks for scripts it lacks (Chinese labels find Noto Sans CJK or the
 *       system's CJK font).</li>
 *   <li>Legend: inside, in the corner of the plot that the data leaves emptiest; beside the plot
 *       when no corner is empty.</li>
 *   <li>Ticks: see {@link TickLabels}.</li>
 * </ul>
 *
 * <p>This class is the style and its public entry points; the work behind three of them lives in
 * package-private classes: the legend's corner in {@code LegendPlacement}, the two-pass
 * rendering in {@code ChartImage}, reading back the drawn tick labels in {@link TickLabels}.
 */
public final class HouseStyle {
    /** Chart width in pixels. */
    public static final int WIDTH = 720;
    /** Chart height in pixels. */
    public static final int HEIGHT = 450;
    /** Width of a chart whose legend sits beside the plot (decision regions). */
    public static final int WIDE_WIDTH = 900;
    /** The font family: a Java logical font, so every platform resolves it and its fallbacks. */
    public static final String FONT = Font.SANS_SERIF;
    /** Width of a curve in pixels. */
    public static final float LINE_WIDTH = 2.2f;
    /** Diameter of a marker in pixels. */
    public static final int MARKER_SIZE = 7;

    /** Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. */
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0),
        new Color(0, 158, 115), new Color(230, 159, 0), new Color(204, 121, 167), new Color(86, 180, 233),
        new Color(240, 228, 66), new Color(0, 0, 0)};
    private static final float[][] DASHES = {null, {9f, 5f}, {2.5f, 3.5f}, {11f, 4f, 2.5f, 4f}, {16f, 6f},
        {5f, 3f, 5f, 3f, 1.5f, 3f}, {3f, 6f}, {22f, 5f}};
    private static final Color GRID = new Color(225, 225, 225);
    private static final Color INK = new Color(40, 40, 40);

    private HouseStyle() {
    }

    /**
     * The number of distinct series colours.
     *
     * @return the count
     */
    public static int colours() {
        return PALETTE.length;
    }

    /**
     * Series colour {@code k} (cycling through the palette).
     *
     * @param k the series index, from 0
     * @return the colour
     */
    public static Color colour(int k) {
        return PALETTE[Math.floorMod(k, PALETTE.length)];
    }

    /**
     * The line of series {@code k}: {@link #LINE_WIDTH} wide, solid for k = 0, then dashed, dotted, …
     *
     * @param k the series index, from 0
     * @return the stroke
     */
    public static BasicStroke line(int k) {
        float[] dash = DASHES[Math.floorMod(k, DASHES.length)];
        float width = LINE_WIDTH;
        return dash == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /**
     * A colour mixed with white ({@code share} of the colour): a region shade points stand out against.
     *
     * @param c the colour
     * @param share the share of the colour, 0 to 1
     * @return the colour
     */
    public static Color light(Color c, double share) {
        return new Color(mix(c.getRed(), share), mix(c.getGreen(), share), mix(c.getBlue(), share));
    }

    private static int mix(int v, double share) {
        return (int) Math.round(share * v + (1 - share) * 255);
    }

    // ---- building charts ----------------------------------------------------------------------

    /**
     * An empty XY chart in the house style, {@value #WIDTH} × {@value #HEIGHT}.
     *
     * @param title the title
     * @param xTitle the x axis title
     * @param yTitle the y axis title
     * @return the chart
     */
    public static XYChart xyChart(String title, String xTitle, String yTitle) {
        return xyChart(WIDTH, HEIGHT, title, xTitle, yTitle);
    }

    /**
     * An empty XY chart in the house style of the given size.
     *
     * @param height the height in pixels
     * @param title the title
     * @param width the width in pixels
     * @param xTitle the x axis title
     * @param yTitle the y axis title
     * @return the chart
     */
    public static XYChart xyChart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(text(title)).xAxisTitle(text(xTitle))
                .yAxisTitle(text(yTitle)).build();
        axes(chart.getStyler());
        chart.getStyler().setxAxisTickLabelsFormattingFunction(new TickLabels(true));
        chart.getStyler().setyAxisTickLabelsFormattingFunction(new TickLabels(false));
        chart.getStyler().setMarkerSize(MARKER_SIZE);
        chart.getStyler().setCursorEnabled(false);
        return chart;
    }

    /**
     * An empty category (bar) chart in the house style, {@value #WIDTH} × {@value #HEIGHT}.
     *
     * @param title the title
     * @param xTitle the x axis title
     * @param yTitle the y axis title
     * @return the chart
     */
    public static CategoryChart categoryChart(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(text(title))
                .xAxisTitle(text(xTitle)).yAxisTitle(text(yTitle)).build();
        axes(chart.getStyler());
        chart.getStyler().setyAxisTickLabelsFormattingFunction(new TickLabels(false));
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setOverlapped(false);
        return chart;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static void axes(AxesChartStyler s) {
        s.setSeriesColors(PALETTE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(160, 160, 160));
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartFontColor(INK);
        s.setAxisTickLabelsColor(INK);
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 16));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 13));
        s.setLegendBorderColor(new Color(200, 200, 200));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 235));
        s.setLegendPadding(6);
        s.setLegendSeriesLineLength(36);
        s.setChartPadding(10);
        s.setPlotMargin(4);
        s.setAxisTickMarkLength(4);
        s.setAxisTickPadding(5);
        s.setXAxisTickMarkSpacingHint(80);
        s.setYAxisTickMarkSpacingHint(55);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
    }

    /**
     * Adds a curve in the house style: colour and dash pattern of series {@code k}, no markers.
      *
      * @param chart the chart
      * @param k the series index, from 0
      * @param name the series name
      * @param x the x values
      * @param y the y values
      * @return the series, to adjust further
     */
    public static XYSeries curve(XYChart chart, String name, double[] x, double[] y, int k) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour(k));
        s.setLineStyle(line(k));
        s.setLineWidth(LINE_WIDTH);
        // XChart draws a plain line segment by segment, restarting the dash pattern at every
        // sample; a smooth series is one path, so its dashes show. Through a densely sampled
        // curve the smoothing is far below a pixel; a few long segments keep their dashes anyway.
        s.setSmooth(k % DASHES.length != 0 && x.length >= DENSE);
        return s;
    }

    /**
     * Adds a line through a few measured points, each marked: colour, dash pattern and marker
     * of series {@code k} (circle, square, diamond, triangle, …).
     *
     * @param chart the chart
     * @param name  the series name
     * @param x     the x values
     * @param y     the y values
     * @param k     the series index, from 0
     * @return the series, to adjust further
     */
    public static XYSeries points(XYChart chart, String name, double[] x, double[] y, int k) {
        XYSeries s = curve(chart, name, x, y, k);
        s.setMarker(MARKERS[Math.floorMod(k, MARKERS.length)]);
        s.setMarkerColor(colour(k));
        return s;
    }

    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {SeriesMarkers.CIRCLE,
        SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

    /**
     * Makes the y axis logarithmic. XChart's own logarithmic ticks (powers of ten) are used, all
     * labelled in scientific notation: the house tick labels are for linear axes, and XChart would
     * let them replace the logarithmic ticks.
     *
     * @param chart a chart from {@link #xyChart}
     * @return the same chart
     */
    public static XYChart logarithmicY(XYChart chart) {
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(null);
        // One notation for every decade (1E1, 1E0, 1E-1, …), not "0.001" beside "1E-4".
        chart.getStyler().setYAxisDecimalPattern("0E0");
        return chart;
    }

    /**
     * Finishes an XY chart: the legend in the emptiest corner ({@link #placeLegend}) and round
     * x ticks. XChart puts x ticks on data points when the x values are equally spaced (every
     * sampled curve, every training history); one hidden point off that grid, on a point the
     * chart already shows, makes it fall back to ticks at 1, 2 or 5 × 10ᵏ.
      *
      * @param chart the chart
      * @return the chart
     */
    public static XYChart finish(XYChart chart) {
        placeLegend(chart);
        for (XYSeries s : chart.getSeriesMap().values()) {
            double[] x = s.getXData();
            double[] y = s.getYData();
            if (x.length >= 3 && s.getYAxisGroup() == 0) {
                int i = 0;
                while (i < x.length - 1 && !(Double.isFinite(x[i]) && Double.isFinite(y[i]) && x[i + 1] > x[i])) {
                    i++;
                }
                if (i == x.length - 1) {
                    continue;
                }
                double offGrid = x[i] + 0.37 * (x[i + 1] - x[i]);
                XYSeries hidden = chart.addSeries(ROUND_TICKS, new double[] {x[i], offGrid}, new double[] {y[i], y[i]});
                hidden.setShowInLegend(false);
                hidden.setMarker(SeriesMarkers.NONE);
                hidden.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
                hidden.setLineColor(new Color(0, 0, 0, 0));
                hidden.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                break;
            }
        }
        return chart;
    }

    /** Samples from which a curve counts as densely sampled (see {@link #curve}). */
    static final int DENSE = 100;

    /** The name of the hidden series {@link #finish} adds. */
    static final String ROUND_TICKS = " ";

    // ---- legend placement, rendering, tick reading: see LegendPlacement, ChartImage, TickLabels ----

    /**
     * Puts the legend inside the plot, in the corner the chart's data leaves emptiest, or beside
     * the plot when every corner has data under it; a chart of one curve has no legend. The
     * legend's size is estimated from the series names; a point counts when it falls in the
     * corner's box (with a margin).
     *
     * @param chart the chart
     */
    public static void placeLegend(XYChart chart) {
        LegendPlacement.place(chart);
    }

    /**
     * The chart as an image {@code scale} times its size in pixels (2 for high-density screens,
     * shown at the chart's own size), with its tick labels calibrated: drawn once off-screen to
     * learn which ticks XChart chose, then for real with one count of decimals per axis.
     *
     * @param chart the chart
     * @param scale pixels per chart pixel, 1 to 4
     * @return the image
     * @throws IllegalArgumentException if {@code chart} is null or {@code scale} is outside 1 to 4
     */
    public static BufferedImage render(Chart<?, ?> chart, int scale) {
        return ChartImage.of(chart, scale);
    }

    /**
     * The tick labels the last {@link #render} drew on the x axis ({@code "x"}) or the y axes
     * ({@code "y"}, left then right) of a house-style XY chart, in order: those within the
     * axis's range (the data's, or the one the chart sets, and the margin XChart leaves around
     * it). Empty before a rendering or for a chart not built here.
     *
     * @param chart a chart from this package
     * @param axis  "x" or "y"
     * @return the labels, e.g. [−6, −4, −2, 0, 2, 4, 6]
     * @throws IllegalArgumentException if {@code chart} is null or {@code axis} is neither "x" nor "y"
     */
    public static List<String> tickLabels(XYChart chart, String axis) {
        return TickLabels.drawn(chart, axis);
    }
}
