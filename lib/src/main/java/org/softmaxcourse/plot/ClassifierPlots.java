package org.softmaxcourse.plot;

import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.softmaxcourse.classify.DecisionRule;
import org.softmaxcourse.classify.TrainingHistory;
import org.softmaxcourse.data.Dataset;
import org.softmaxcourse.data.Split;
import org.softmaxcourse.numeric.Matrix;

/**
 * Pictures of the classifiers in one place, for notebooks: each method hands over to the class
 * that draws that kind of picture — {@link TrainingPlots} (training curves), {@link RegionPlots}
 * (decision regions), {@link ProbabilityPlots} (predicted probabilities), {@link DigitPlots}
 * (handwritten digits) and {@link Panels} (several charts as one image). All are drawn in the
 * {@link HouseStyle}.
 */
public final class ClassifierPlots {
    /** Chart width in pixels ({@link HouseStyle#WIDTH}). */
    public static final int WIDTH = HouseStyle.WIDTH;
    /** Chart height in pixels ({@link HouseStyle#HEIGHT}). */
    public static final int HEIGHT = HouseStyle.HEIGHT;
    /** Width of a decision-region chart, whose legend sits beside the plot. */
    public static final int REGIONS_WIDTH = RegionPlots.WIDTH;
    /** The side of one 8 × 8 digit in {@link #digitGrid}, in pixels. */
    public static final int DIGIT_SIDE = DigitPlots.DIGIT_SIDE;

    private ClassifierPlots() {
    }

    /**
     * See {@link TrainingPlots#history(TrainingHistory)}.
     *
     * @param history the model's training history
     * @return loss and accuracy against the epoch
     */
    public static XYChart history(TrainingHistory history) {
        return TrainingPlots.history(history);
    }

    /**
     * See {@link TrainingPlots#history(TrainingHistory, String)}.
     *
     * @param history the model's training history
     * @param title   the chart title
     * @return loss and accuracy against the epoch
     */
    public static XYChart history(TrainingHistory history, String title) {
        return TrainingPlots.history(history, title);
    }

    /**
     * See {@link RegionPlots#decisionRegions(DecisionRule, Dataset)}.
     *
     * @param rule the classifier
     * @param data a data set with two features
     * @return the decision regions with the data on top
     */
    public static XYChart decisionRegions(DecisionRule rule, Dataset data) {
        return RegionPlots.decisionRegions(rule, data);
    }

    /**
     * See {@link RegionPlots#decisionRegions(DecisionRule, Dataset, Split)}: axis titles say
     * "standardised" when the split is.
     *
     * @param rule  the classifier
     * @param data  a data set with two features, taken from {@code split}
     * @param split the split the data comes from
     * @return the decision regions with the data on top
     */
    public static XYChart decisionRegions(DecisionRule rule, Dataset data, Split split) {
        return RegionPlots.decisionRegions(rule, data, split);
    }

    /**
     * See {@link RegionPlots#decisionRegions(DecisionRule, Matrix, int[], List, String, String, String)}.
     *
     * @param rule       the classifier
     * @param points     n × 2, the two features the rule takes
     * @param labels     the true class of each point
     * @param classNames the class names
     * @param xTitle     the x axis title
     * @param yTitle     the y axis title
     * @param title      the chart title
     * @return the decision regions with the points on top
     */
    public static XYChart decisionRegions(DecisionRule rule, Matrix points, int[] labels, List<String> classNames,
                                          String xTitle, String yTitle, String title) {
        return RegionPlots.decisionRegions(rule, points, labels, classNames, xTitle, yTitle, title);
    }

    /**
     * See {@link ProbabilityPlots#probabilityHistogram}: bars per class and bin, the 0.5
     * threshold marked.
     *
     * @param title         the chart title
     * @param probabilities n predicted probabilities P(y = 1 | x)
     * @param labels        the n true classes
     * @param classNames    the class names
     * @param bins          the number of equal bins over [0, 1]
     * @return the histogram
     */
    public static XYChart probabilityHistogram(String title, double[] probabilities, int[] labels,
                                               List<String> classNames, int bins) {
        return ProbabilityPlots.probabilityHistogram(title, probabilities, labels, classNames, bins);
    }

    /**
     * See {@link DigitPlots#digitGrid}.
     *
     * @param pixels    n × 64 raw ink counts 0–16
     * @param truth     the n true digits
     * @param predicted the n predicted digits, or null
     * @param columns   digits per row
     * @return the grid as an image
     */
    public static BufferedImage digitGrid(Matrix pixels, int[] truth, int[] predicted, int columns) {
        return DigitPlots.digitGrid(pixels, truth, predicted, columns);
    }

    /**
     * See {@link Panels#sideBySide}.
     *
     * @param charts  the charts
     * @param columns charts per row
     * @return one image of them all
     */
    public static BufferedImage sideBySide(List<XYChart> charts, int columns) {
        return Panels.sideBySide(charts, columns);
    }
}
