package org.softmaxcourse.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.activation.Relu;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.gradcheck.GradientFlow;
import org.softmaxcourse.numeric.Matrix;

class WeightTemplatesTest {
    @Test
    void eachClassIsAPictureOfItsWeightsOnOneSharedScale() {
        // 2 × 2 images, 2 classes: class a is +1 at pixel 0, class b is −0.5 at pixel 3.
        Matrix w = Matrix.of(new double[] {1, 0}, new double[] {0, 0}, new double[] {0, 0}, new double[] {0, -0.5});
        BufferedImage image = WeightTemplates.of(w, 2, List.of("a", "b"), 2);
        assertEquals(new Color(0, 0, 175), new Color(image.getRGB(12 + 3, 12 + 3)), "full blue at +max");
        assertEquals(Color.WHITE, new Color(image.getRGB(12 + 14 + 3, 12 + 3)), "white at 0");
        int bx = 12 + 28 + 12;
        Color half = new Color(image.getRGB(bx + 14 + 3, 12 + 14 + 3));
        assertEquals(215, half.getRed());
        assertEquals(128, half.getGreen(), "−0.5 of max 1 is half-way to red");
        assertEquals(Color.WHITE, WeightTemplates.colour(0, 0));
    }

    @Test
    void badShapesAreNamed() {
        Matrix w = Matrix.zeros(64, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightTemplates.of(w, 7, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), 5));
        assertTrue(e.getMessage().contains("64 rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WeightTemplates.of(w, 8, List.of("0"), 5));
    }

    @Test
    void gradientNormChartHasOneLogScaledSeriesPerStack() {
        var chart = DepthPlots.gradientNorms("t", GradientFlow.atInitialisation(Sigmoid.INSTANCE, 3, 4, 4, 1, 1),
                GradientFlow.atInitialisation(Relu.INSTANCE, 3, 4, 4, Math.sqrt(2), 1));
        assertEquals(2, chart.getSeriesMap().values().stream().filter(s -> s.isShowInLegend()).count());
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertThrows(IllegalArgumentException.class, () -> DepthPlots.gradientNorms("t"));
    }
}
