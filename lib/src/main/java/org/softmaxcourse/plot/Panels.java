package org.softmaxcourse.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/** Several charts laid out as one image. */
public final class Panels {
    private Panels() {
    }

    /**
     * Charts rendered side by side, {@code columns} to a row, as one image: for example the
     * decision regions of one-vs-rest, one-vs-one and softmax next to each other.
     *
     * @param charts  the charts, each rendered at its own size by {@link HouseStyle#render}
     * @param columns charts per row
     * @return the image, as wide as {@code columns} of the widest chart
     */
    public static BufferedImage sideBySide(List<? extends Chart<?, ?>> charts, int columns) {
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
            BufferedImage image = HouseStyle.render(charts.get(k), 1);
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
