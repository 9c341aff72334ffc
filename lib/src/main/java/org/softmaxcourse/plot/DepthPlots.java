package org.softmaxcourse.plot;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.softmaxcourse.gradcheck.GradientFlow;

/** Charts of gradients through depth ({@link GradientFlow}), built and returned, never shown. */
public final class DepthPlots {
    private DepthPlots() {
    }

    /**
     * The gradient norm ‖∂/∂Wₗ‖ of every layer, one line per stack, on a logarithmic axis (a
     * constant factor lost per layer is a straight line). Layer 1 is next to the input.
     */
    public static XYChart gradientNorms(String title, GradientFlow... flows) {
        if (flows == null || flows.length == 0) {
            throw new IllegalArgumentException("flows is empty: a chart needs at least one stack");
        }
        XYChart chart = new XYChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT)
                .title(title).xAxisTitle("layer (1 = next to the input)").yAxisTitle("gradient norm ‖∂/∂W‖").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setAntiAlias(true);
        chart.getStyler().setXAxisDecimalPattern("0");
        for (GradientFlow f : flows) {
            if (f == null) {
                throw new IllegalArgumentException("flows contains null");
            }
            double[] y = f.gradientNorms();
            double[] x = new double[y.length];
            for (int l = 0; l < y.length; l++) {
                x[l] = l + 1;
            }
            String name = f.activation() + String.format(java.util.Locale.ROOT, " (gain %.2g)", f.gain());
            XYSeries s = chart.addSeries(name, x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }
}
