package org.softmaxcourse.plot;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.softmaxcourse.classify.Epoch;
import org.softmaxcourse.classify.TrainingHistory;

/** How training went: loss and accuracy against the epoch. */
public final class TrainingPlots {
    private TrainingPlots() {
    }

    /**
     * {@link #history(TrainingHistory, String)} titled after the model.
     *
     * @param history the model's training history
     * @return the chart
     */
    public static XYChart history(TrainingHistory history) {
        if (history == null) {
            throw new IllegalArgumentException("history is null");
        }
        return history(history, "Training history: " + history.model());
    }

    /**
     * Loss (left axis) and accuracy (right axis, 0 to 1) against the epoch, on the training data
     * (solid) and, if it was measured, the validation data (dashed); loss in blue, accuracy in
     * vermillion, the axis titles say which is which.
     *
     * @param history the model's training history
     * @param title   the chart title
     * @return the chart
     */
    public static XYChart history(TrainingHistory history, String title) {
        if (history == null) {
            throw new IllegalArgumentException("history is null");
        }
        XYChart chart = HouseStyle.xyChart(title, "epoch", "mean cross-entropy loss (nats)");
        Styler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendSeriesLineLength(28);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(0, 0.0);
        chart.getStyler().setYAxisMin(1, 0.0);
        chart.getStyler().setYAxisMax(1, 1.0);
        chart.setYAxisGroupTitle(0, "mean cross-entropy loss (nats)");
        chart.setYAxisGroupTitle(1, "accuracy (share correct)");
        List<Epoch> epochs = history.epochs();
        double[] x = epochs.stream().mapToDouble(Epoch::epoch).toArray();
        line(chart, "training loss", x, epochs.stream().mapToDouble(Epoch::loss).toArray(), 0, 0, false);
        line(chart, "training accuracy", x, epochs.stream().mapToDouble(Epoch::accuracy).toArray(), 1, 1, false);
        if (history.hasValidation()) {
            line(chart, "validation loss", x, epochs.stream().mapToDouble(Epoch::validationLoss).toArray(), 0, 0, true);
            line(chart, "validation accuracy", x, epochs.stream().mapToDouble(Epoch::validationAccuracy).toArray(), 1, 1,
                    true);
        }
        HouseStyle.finish(chart);
        // finish() may move the legend inside; a history has curves in every corner, keep it below.
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, int colour, int axis, boolean dashed) {
        var series = HouseStyle.curve(chart, name, x, y, dashed ? 1 : 0);
        series.setLineColor(HouseStyle.colour(colour));
        series.setYAxisGroup(axis);
    }
}
