package org.softmaxcourse.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.softmaxcourse.activation.LeakyRelu;
import org.softmaxcourse.activation.Relu;
import org.softmaxcourse.activation.Sigmoid;

class PlotsTest {

    @Test
    void activationChartIsTitledLabelledAndSampled() {
        XYChart chart = Plots.activations(-4, 4, Sigmoid.INSTANCE, Relu.INSTANCE);
        assertEquals("Activation functions g(z)", chart.getTitle());
        assertEquals("z", chart.getXAxisTitle());
        assertEquals("g(z)", chart.getYAxisTitle());
        assertEquals(List.of("sigmoid", "ReLU"), chart.getSeriesMap().values().stream().filter(s -> s.isShowInLegend())
                .map(s -> s.getName()).toList());
        XYSeries relu = chart.getSeriesMap().get("ReLU");
        assertEquals(Plots.SAMPLES, relu.getXData().length);
        assertEquals(-4.0, relu.getXData()[0], 0.0);
        assertEquals(4.0, relu.getXData()[Plots.SAMPLES - 1], 0.0);
        assertEquals(4.0, relu.getYData()[Plots.SAMPLES - 1], 0.0);
        assertEquals(0.5, chart.getSeriesMap().get("sigmoid").getYData()[Plots.SAMPLES / 2], 0.0);
    }

    @Test
    void derivativeChartPlotsDerivatives() {
        XYChart chart = Plots.derivatives(-2, 2, Sigmoid.INSTANCE, new LeakyRelu(0.1));
        assertEquals("g′(z)", chart.getYAxisTitle());
        XYSeries leaky = chart.getSeriesMap().get("leaky ReLU (α = 0.1)′");
        assertEquals(0.1, leaky.getYData()[0], 0.0);
        assertEquals(0.25, chart.getSeriesMap().get("sigmoid′").getYData()[Plots.SAMPLES / 2], 0.0);
    }

    @Test
    void gridHitsBothEndsExactly() {
        assertArrayEquals(new double[] {0.0, 0.25, 0.5, 0.75, 1.0}, Plots.grid(0, 1, 5), 0.0);
        assertEquals(0.3, Plots.grid(-0.1, 0.3, 7)[6], 0.0);
    }

    @Test
    void distributionsAreBarsPerClass() {
        Map<String, double[]> d = new LinkedHashMap<>();
        d.put("target", new double[] {0, 1, 0});
        d.put("prediction", new double[] {0.2, 0.7, 0.1});
        CategoryChart chart = Plots.distributions("p vs y", new String[] {"a", "b", "c"}, d);
        assertEquals("p vs y", chart.getTitle());
        assertEquals("class", chart.getXAxisTitle());
        assertEquals("probability", chart.getYAxisTitle());
        assertEquals(List.of("target", "prediction"), List.copyOf(chart.getSeriesMap().keySet()));
    }

    @Test
    void badInputIsNamed() {
        assertRejected(() -> Plots.activations(1, 1, Sigmoid.INSTANCE), "[1.0, 1.0]");
        assertRejected(() -> Plots.activations(0, Double.POSITIVE_INFINITY, Sigmoid.INSTANCE), "Infinity");
        assertRejected(() -> Plots.activations(-1, 1), "activations is empty");
        assertRejected(() -> Plots.activations(-1, 1, Sigmoid.INSTANCE, null), "activations[1] is null");
        assertRejected(() -> Plots.grid(0, 1, 1), "n = 1");
        assertRejected(() -> Plots.distributions("t", new String[] {"a", "b"}, Map.of("p", new double[] {1})),
                "2 classes", "\"p\" has 1");
    }
}
