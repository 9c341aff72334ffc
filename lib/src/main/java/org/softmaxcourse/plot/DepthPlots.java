package org.softmaxcourse.plot;

import org.knowm.xchart.XYChart;
import org.softmaxcourse.gradcheck.GradientFlow;
import org.softmaxcourse.numeric.Numbers;

/** Charts of gradients through depth ({@link GradientFlow}), built and returned, never shown. */
public final class DepthPlots {
    private DepthPlots() {
    }

    /**
     * The gradient norm ‖∂/∂Wₗ‖ of every layer, one line per stack, on a logarithmic axis (a
     * constant factor lost per layer is a straight line). Layer 1 is next to the input. Drawn in
     * the {@link HouseStyle}: a marker shape and dash pattern per stack, the legend in the emptiest
     * corner.
     *
     * @param title the chart's title
     * @param flows the stacks to compare, at least one
     * @return the chart
     * @throws IllegalArgumentException if {@code flows} is null or empty, or holds null
     */
    public static XYChart gradientNorms(String title, GradientFlow... flows) {
        if (flows == null || flows.length == 0) {
            throw new IllegalArgumentException("flows is empty: a chart needs at least one stack");
        }
        XYChart chart = HouseStyle.logarithmicY(HouseStyle.xyChart(title, "layer (1 = next to the input)",
                "gradient norm ‖∂/∂W‖ (log scale)"));
        int k = 0;
        for (GradientFlow f : flows) {
            if (f == null) {
                throw new IllegalArgumentException("flows contains null");
            }
            double[] y = f.gradientNorms();
            double[] x = new double[y.length];
            for (int l = 0; l < y.length; l++) {
                x[l] = l + 1;
            }
            String name = f.activation() + " (gain " + Numbers.significant(f.gain(), 2) + ")";
            HouseStyle.points(chart, name, x, y, k++);
        }
        return HouseStyle.finish(chart);
    }
}
