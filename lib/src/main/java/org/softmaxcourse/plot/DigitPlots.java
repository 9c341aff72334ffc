package org.softmaxcourse.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.softmaxcourse.classify.Decisions;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/** Handwritten 8 × 8 digits drawn as images, with their true and predicted labels. */
public final class DigitPlots {
    /** The side of one 8 × 8 digit in the grid, in pixels (12 screen pixels per image pixel). */
    public static final int DIGIT_SIDE = 96;

    private DigitPlots() {
    }

    /**
     * Handwritten digits in a grid, each drawn as its 8 × 8 image (ink 0–16 from white to black,
     * 12 screen pixels per image pixel) with its caption underneath: "true 3 · predicted 3" in
     * green when right, in red when wrong, or just "3" when {@code predicted} is null.
     *
     * @param pixels    n × 64, the raw (unstandardised) ink counts 0–16, row by row
     * @param truth     the n true digits
     * @param predicted the n predicted digits, {@link Decisions#UNDECIDED} for none, or null
     * @param columns   digits per row of the grid
     * @return the grid as an image
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
            Font font = new Font(HouseStyle.FONT, Font.PLAIN, 14);
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
}
