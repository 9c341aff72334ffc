package org.softmaxcourse.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * A chart drawn into an image with its tick labels calibrated ({@link TickLabels}): once
 * off-screen, to learn which ticks XChart chose, then for real. Called through
 * {@link HouseStyle#render}.
 */
final class ChartImage {

    private ChartImage() {
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
    static BufferedImage of(Chart<?, ?> chart, int scale) {
        if (chart == null) {
            throw new IllegalArgumentException("chart is null");
        }
        if (scale < 1 || scale > 4) {
            throw new IllegalArgumentException("scale = " + scale + " must be 1 to 4");
        }
        List<TickLabels> labels = tickLabels(chart);
        int w = chart.getWidth();
        int h = chart.getHeight();
        if (!labels.isEmpty()) {
            labels.forEach(TickLabels::startRecording);
            BufferedImage scratch = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scratch.createGraphics();
            try {
                chart.paint(g, w, h);
            } finally {
                g.dispose();
                labels.forEach(TickLabels::calibrate);
            }
        }
        BufferedImage image = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            chart.paint(g, w, h);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The house tick-label functions installed on the chart's axes: x first, then y. */
    private static List<TickLabels> tickLabels(Chart<?, ?> chart) {
        List<TickLabels> out = new ArrayList<>();
        if (chart.getStyler() instanceof AxesChartStyler s) {
            if (s.getxAxisTickLabelsFormattingFunction() instanceof TickLabels t) {
                out.add(t);
            }
            if (s.getyAxisTickLabelsFormattingFunction() instanceof TickLabels t) {
                out.add(t);
            }
        }
        return out;
    }
}
