package org.softmaxcourse.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * A linear classifier's weights drawn as images, one per class (CS231n's "templates"): the
 * weight vector of class c, d = side × side entries, shown as a side × side picture in a
 * diverging palette: blue where a pixel's ink raises the class's score, red where it lowers it,
 * white for 0. All images share one scale, ±max |w|, so they can be compared.
 */
public final class WeightTemplates {
    /** Screen pixels per weight. */
    private static final int CELL = 14;

    private WeightTemplates() {
    }

    /**
     * Draws the C templates in a grid, each with its class name as caption.
     *
     * @param weights    d × C, column c the weights of class c (as {@code SoftmaxRegression.weights()})
     * @param side       the image side, with side × side = d
     * @param classNames C captions
     * @param columns    images per row
     * @return one image holding every template
     * @throws IllegalArgumentException if {@code weights} is null or empty, d is not side × side,
     *         the class names do not match the columns, {@code columns} is less than 1, or a
     *         weight is NaN or ±∞
     */
    public static BufferedImage of(Matrix weights, int side, List<String> classNames, int columns) {
        Require.nonEmpty("weights", weights);
        if (side < 1 || side * side != weights.rows()) {
            throw new IllegalArgumentException("weights is " + weights.shape() + ": its " + weights.rows()
                    + " rows are not a side × side image with side = " + side);
        }
        if (classNames == null || classNames.size() != weights.cols()) {
            throw new IllegalArgumentException("weights has " + weights.cols() + " classes (columns) but "
                    + (classNames == null ? "no" : classNames.size()) + " class names were given");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns = " + columns + " must be at least 1");
        }
        double max = 0;
        for (double w : weights.data()) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("weights contains " + w);
            }
            max = Math.max(max, Math.abs(w));
        }
        int n = weights.cols();
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int pad = 12;
        int caption = 24;
        int imageSide = side * CELL;
        int legend = 36;
        BufferedImage image = new BufferedImage(cols * (imageSide + pad) + pad,
                rows * (imageSide + caption + pad) + pad + legend, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setFont(new Font(HouseStyle.FONT, Font.PLAIN, 14));
            FontMetrics fm = g.getFontMetrics();
            for (int c = 0; c < n; c++) {
                int x0 = pad + (c % cols) * (imageSide + pad);
                int y0 = pad + (c / cols) * (imageSide + caption + pad);
                for (int r = 0; r < side; r++) {
                    for (int k = 0; k < side; k++) {
                        g.setColor(colour(weights.get(r * side + k, c), max));
                        g.fillRect(x0 + k * CELL, y0 + r * CELL, CELL, CELL);
                    }
                }
                g.setColor(new Color(190, 190, 190));
                g.setStroke(new BasicStroke(1f));
                g.drawRect(x0 - 1, y0 - 1, imageSide + 1, imageSide + 1);
                g.setColor(Color.BLACK);
                String name = classNames.get(c);
                g.drawString(name, x0 + (imageSide - fm.stringWidth(name)) / 2, y0 + imageSide + fm.getAscent() + 4);
            }
            int y = image.getHeight() - legend + 8;
            String lo = "−" + org.softmaxcourse.numeric.Numbers.significant(max, 2);
            String hi = "+" + org.softmaxcourse.numeric.Numbers.significant(max, 2) + "  weight (blue raises the score)";
            int left = pad + fm.stringWidth(lo) + 4;
            int barWidth = Math.max(40, Math.min(240, image.getWidth() - left - fm.stringWidth(hi) - pad - 8));
            for (int i = 0; i < barWidth; i++) {
                g.setColor(colour((2.0 * i / (barWidth - 1) - 1) * max, max));
                g.fillRect(left + i, y, 1, 14);
            }
            g.setColor(Color.BLACK);
            g.drawString(lo, pad, y + 12);
            g.drawString(hi, left + barWidth + 4, y + 12);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** White at 0, towards blue for positive and red for negative weights. */
    static Color colour(double w, double max) {
        double t = max == 0 ? 0 : Math.max(-1, Math.min(1, w / max));
        int fade = (int) Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? new Color(fade, fade, 255 - (int) Math.round(80 * Math.abs(t)))
                : new Color(255 - (int) Math.round(80 * Math.abs(t)), fade, fade);
    }
}
