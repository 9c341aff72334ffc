package org.softmaxcourse.eval;

import java.util.List;
import org.softmaxcourse.numeric.Matrix;

/**
 * Per-class precision, recall and F1 with the overall accuracy and their macro averages (the
 * unweighted mean over the classes where the value is defined, so a NaN class is skipped).
 *
 * @param classes        one entry per class, in label order
 * @param accuracy       correct / total (undecided inputs count as wrong)
 * @param macroPrecision mean precision over the classes where it is defined
 * @param macroRecall    mean recall over the classes where it is defined
 * @param macroF1        mean F1 over the classes where it is defined
 * @param total          inputs
 * @param undecided      inputs the rule left without a class
 */
public record ClassificationReport(List<ClassMetrics> classes, double accuracy, double macroPrecision,
                                   double macroRecall, double macroF1, int total, int undecided) {

    /**
     * Checks and copies the per-class entries.
     *
     * @param classes        one entry per class
     * @param accuracy       correct / total
     * @param macroPrecision mean precision
     * @param macroRecall    mean recall
     * @param macroF1        mean F1
     * @param total          inputs
     * @param undecided      inputs left without a class
     * @throws IllegalArgumentException if {@code classes} is null or empty
     */
    public ClassificationReport {
        if (classes == null || classes.isEmpty()) {
            throw new IllegalArgumentException("classes is " + (classes == null ? "null" : "empty"));
        }
        classes = List.copyOf(classes);
    }

    /**
     * The entry of class {@code label}.
     *
     * @param label the class
     * @return the entry of class {@code label}
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public ClassMetrics of(int label) {
        org.softmaxcourse.numeric.Require.label("label", label, classes.size());
        return classes.get(label);
    }

    /** One line per class, then accuracy and macro averages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ClassificationReport on ").append(total).append(" inputs");
        if (undecided > 0) {
            sb.append(" (").append(undecided).append(" undecided)");
        }
        for (ClassMetrics c : classes) {
            sb.append("\n  ").append(c);
        }
        return sb.append("\n  accuracy ").append(org.softmaxcourse.numeric.Numbers.percent(accuracy)).append("; macro precision ")
                .append(Matrix.format(macroPrecision)).append(", recall ").append(Matrix.format(macroRecall))
                .append(", F1 ").append(Matrix.format(macroF1)).toString();
    }
}
