package org.softmaxcourse.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.softmaxcourse.activation.Elu;
import org.softmaxcourse.activation.LeakyRelu;
import org.softmaxcourse.activation.Relu;
import org.softmaxcourse.activation.Relu6;
import org.softmaxcourse.activation.Selu;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Tanh;

/**
 * The tick labels of the course's charts, as drawn: round numbers (1, 2 or 5 × 10ᵏ apart), a 0
 * whenever the range spans 0, one count of decimals per axis and no more than needed, a leading
 * zero, a typographic minus.
 */
class TickLabelsTest {

    private static Map<String, DoubleUnaryOperator> costs() {
        Map<String, DoubleUnaryOperator> m = new LinkedHashMap<>();
        m.put("cross-entropy cost", w -> -Math.log1p(-Sigmoid.sigmoid(w)));
        m.put("squared-error cost", w -> 0.5 * Sigmoid.sigmoid(w) * Sigmoid.sigmoid(w));
        return m;
    }

    private static Map<String, DoubleUnaryOperator> losses() {
        Map<String, DoubleUnaryOperator> m = new LinkedHashMap<>();
        m.put("cross-entropy, y = 1", p -> -Math.log(p));
        m.put("squared error, y = 1", p -> 0.5 * (1 - p) * (1 - p));
        return m;
    }

    static Stream<Arguments> courseCharts() {
        return Stream.of(
                // 00, 01: σ and σ′ on [−6, 6] (the issue's −4.77, −3.54, …, 0.15)
                Arguments.of("σ and σ′", Plots.withDerivative(-6, 6, Sigmoid.INSTANCE),
                        List.of("−6", "−4", "−2", "0", "2", "4", "6"),
                        List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0")),
                // 01 §1.2
                Arguments.of("four activations", Plots.activations(-4, 4, Sigmoid.INSTANCE, Tanh.INSTANCE,
                        Relu.INSTANCE, new LeakyRelu(0.1)),
                        List.of("−4", "−3", "−2", "−1", "0", "1", "2", "3", "4"),
                        List.of("−1", "0", "1", "2", "3", "4")),
                // 01 §1.7
                Arguments.of("ReLU family", Plots.activations(-4, 3, Relu.INSTANCE, Relu6.INSTANCE, new LeakyRelu(0.1),
                        new Elu(), Selu.INSTANCE),
                        List.of("−4", "−3", "−2", "−1", "0", "1", "2", "3"),
                        List.of("−1", "0", "1", "2", "3")),
                // 03 §3.1 (the issue's .01, 0.1031, 0.1962, …)
                Arguments.of("loss of one prediction", Plots.curves("loss", "ŷ", "loss", 0.01, 0.99, losses()),
                        List.of("0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"),
                        List.of("0", "1", "2", "3", "4")),
                // 03 §3.3: squared error on its own axis at the right
                Arguments.of("cost of one weight", Plots.curves("cost", "w", "J(w)", -8, 8, costs()),
                        List.of("−8", "−6", "−4", "−2", "0", "2", "4", "6", "8"),
                        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "0.0", "0.1", "0.2", "0.3", "0.4",
                                "0.5")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("courseCharts")
    void ticksAreRoundAndTheirLabelsShort(String name, XYChart chart, List<String> x, List<String> y) {
        HouseStyle.render(chart, 1);
        assertEquals(x, HouseStyle.tickLabels(chart, "x"), name + ": x");
        assertEquals(y, HouseStyle.tickLabels(chart, "y"), name + ": y");
    }

    @Test
    void theCrispRenderingDrawsTheSameTicks() {
        XYChart chart = Plots.withDerivative(-6, 6, Sigmoid.INSTANCE);
        assertEquals(2 * HouseStyle.WIDTH, HouseStyle.render(chart, 2).getWidth());
        assertEquals(List.of("−6", "−4", "−2", "0", "2", "4", "6"), HouseStyle.tickLabels(chart, "x"));
    }

    @Test
    void curvesAnOrderOfMagnitudeApartGetASecondAxis() {
        XYChart chart = Plots.curves("cost", "w", "J(w)", -8, 8, costs());
        assertEquals(1, chart.getSeriesMap().get("squared-error cost (right axis)").getYAxisGroup());
        assertEquals(0, chart.getSeriesMap().get("cross-entropy cost").getYAxisGroup());
        XYChart close = Plots.curves("loss", "ŷ", "loss", 0.01, 0.99, losses());
        assertTrue(close.getSeriesMap().values().stream().allMatch(s -> s.getYAxisGroup() == 0));
    }

    @Test
    void coincidingCurvesGetDistinctDashes() {
        XYChart chart = Plots.activations(-4, 3, Relu.INSTANCE, Relu6.INSTANCE);
        assertEquals(null, chart.getSeriesMap().get("ReLU").getLineStyle().getDashArray());
        assertTrue(chart.getSeriesMap().get("ReLU6").getLineStyle().getDashArray() != null);
    }

    @Test
    void labelsAreAlignedPerAxis() {
        assertEquals(List.of("0.00", "0.25", "0.50"), List.of(org.softmaxcourse.numeric.Numbers.aligned(
                new double[] {0, 0.25, 0.5}, 6)));
        assertEquals("−0.5", TickLabels.minus("-0.5"));
        assertEquals("1e−4", TickLabels.minus("1e-4"));
    }

    @Test
    void aLogarithmicAxisKeepsXChartsDecadesInOneNotation() {
        XYChart chart = HouseStyle.logarithmicY(HouseStyle.xyChart("t", "x", "y"));
        HouseStyle.points(chart, "a", new double[] {1, 2, 3}, new double[] {1e-5, 1e-2, 10}, 0);
        assertEquals(null, chart.getStyler().getyAxisTickLabelsFormattingFunction());
        assertEquals("0E0", chart.getStyler().getYAxisDecimalPattern());
        assertTrue(HouseStyle.render(chart, 1).getWidth() > 0);
        assertEquals(List.of(), HouseStyle.tickLabels(chart, "y"));
    }
}
