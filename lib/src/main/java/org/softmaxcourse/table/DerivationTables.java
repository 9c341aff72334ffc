package org.softmaxcourse.table;

import java.util.List;
import org.softmaxcourse.derivation.CheckResult;
import org.softmaxcourse.derivation.Derivation;
import org.softmaxcourse.derivation.Derivations;
import org.softmaxcourse.derivation.StepCheck;
import org.softmaxcourse.numeric.Numbers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Tablesaw tables of executable derivations ({@link org.softmaxcourse.derivation}), for
 * {@code Notebook.show}. The derivation package itself stays free of tablesaw: it returns plain
 * {@link CheckResult} records, which this class lays out.
 */
public final class DerivationTables {
    private DerivationTables() {
    }

    /**
     * One row per step of {@code derivation}, checked with the default seed and sample count.
     *
     * @param derivation the derivation
     * @return the table
     */
    public static Table checks(Derivation derivation) {
        if (derivation == null) {
            throw new IllegalArgumentException("derivation is null");
        }
        return checks(derivation.id() + " · " + derivation.title(), derivation.check(), derivation);
    }

    /**
     * One row per check result: step, claim, relation, inputs, the largest difference |left −
     * right| and the same relative to the sides, the tolerance the step allows (a difference
     * within it is floating-point rounding, not a mistake), worst input, holds. The tolerance is
     * looked up in the course's derivation of the same id ({@link Derivations#byId}); "—" for a
     * derivation the course does not have.
      *
      * @param results the check results
      * @param title the title
      * @return the table
     */
    public static Table checks(String title, List<CheckResult> results) {
        return checks(title, results, null);
    }

    private static Table checks(String title, List<CheckResult> results, Derivation derivation) {
        if (results == null || results.isEmpty()) {
            throw new IllegalArgumentException("results is empty: check a derivation first");
        }
        StringColumn step = StringColumn.create("step");
        StringColumn claim = StringColumn.create("claim");
        StringColumn checked = StringColumn.create("checked");
        IntColumn inputs = IntColumn.create("inputs");
        DoubleColumn abs = DoubleColumn.create(MAX_ABS);
        DoubleColumn rel = DoubleColumn.create(MAX_REL);
        StringColumn tolerance = StringColumn.create(TOLERANCE);
        StringColumn worst = StringColumn.create("worst input");
        StringColumn holds = StringColumn.create("holds");
        for (CheckResult r : results) {
            step.append(r.derivation() + "." + r.step());
            claim.append(r.label());
            checked.append("left " + r.relation().symbol() + " right");
            inputs.append(r.inputs());
            abs.append(r.maxAbsDiff());
            rel.append(r.maxRelDiff());
            tolerance.append(tolerance(r, derivation));
            worst.append(shortNumbers(r.worstInput()));
            holds.append(r.holds() ? "yes" : "NO: " + r.failure());
        }
        Table t = Tables.readable(Table.create(title == null ? "Checks" : title, step, claim, checked, inputs, abs,
                rel, tolerance, worst, holds));
        abs.setPrintFormatter(SCIENTIFIC);
        rel.setPrintFormatter(SCIENTIFIC);
        return t;
    }

    private static final java.util.regex.Pattern LONG_NUMBER =
            java.util.regex.Pattern.compile("-?\\d+\\.\\d{6,}(?:[eE][-+]?\\d+)?");

    /** An input's description with every long number cut to 4 significant digits (7.441610003 → 7.442). */
    static String shortNumbers(String text) {
        return LONG_NUMBER.matcher(text).replaceAll(m -> Numbers.format(Double.parseDouble(m.group())));
    }

    /** The column of the largest |left − right| over all inputs (for ≤ and ≥: the largest violation). */
    public static final String MAX_ABS = "max |left − right|";
    /** The column of the largest difference relative to max(|left|, |right|). */
    public static final String MAX_REL = "max relative Δ";
    /** The column of the tolerance a step allows. */
    public static final String TOLERANCE = "tolerance (rounding, not error)";

    private static final NumberColumnFormatter SCIENTIFIC = new NumberColumnFormatter() {
        @Override
        public String format(double value) {
            return Double.isNaN(value) ? "" : Numbers.scientific(value);
        }
    };

    /** "|Δ| ≤ 1e-12 + 1e-12·max(|left|, |right|)" for the step's check, "—" if it is not known. */
    private static String tolerance(CheckResult r, Derivation known) {
        Derivation d = known;
        if (d == null) {
            try {
                d = Derivations.byId(r.derivation());
            } catch (IllegalArgumentException e) {
                return "—";
            }
        }
        if (r.step() < 1 || r.step() > d.steps().size()) {
            return "—";
        }
        StepCheck<?> c = d.steps().get(r.step() - 1).check();
        double a = c.absoluteTolerance();
        double rr = c.relativeTolerance();
        String bound = a == 0 && rr == 0 ? "0 (exact)"
                : rr == 0 ? Numbers.scientific(a)
                : (a == 0 ? "" : Numbers.scientific(a) + " + ") + Numbers.scientific(rr) + "·max(|left|, |right|)";
        return switch (c.relation()) {
            case EQUAL -> "|Δ| ≤ " + bound;
            default -> "violation ≤ " + bound;
        };
    }

    /**
     * One row per derivation: id, title, the digest ids it serves, steps, and whether all hold.
     *
     * @param derivations the derivations
     * @return the table
     */
    public static Table overview(List<Derivation> derivations) {
        if (derivations == null || derivations.isEmpty()) {
            throw new IllegalArgumentException("derivations is empty: name at least one");
        }
        StringColumn id = StringColumn.create("id");
        StringColumn title = StringColumn.create("derivation");
        StringColumn serves = StringColumn.create("serves");
        IntColumn steps = IntColumn.create("steps");
        StringColumn holds = StringColumn.create("all steps hold");
        for (Derivation d : derivations) {
            id.append(d.id());
            title.append(d.title());
            serves.append(String.join(", ", d.cites()));
            steps.append(d.steps().size());
            holds.append(d.holds() ? "yes" : "no");
        }
        return Table.create("Executable derivations", id, title, serves, steps, holds);
    }
}
