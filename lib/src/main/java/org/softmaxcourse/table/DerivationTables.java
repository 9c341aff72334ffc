package org.softmaxcourse.table;

import java.util.List;
import org.softmaxcourse.derivation.CheckResult;
import org.softmaxcourse.derivation.Derivation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw tables of executable derivations ({@link org.softmaxcourse.derivation}), for
 * {@code Notebook.show}. The derivation package itself stays free of tablesaw: it returns plain
 * {@link CheckResult} records, which this class lays out.
 */
public final class DerivationTables {
    private DerivationTables() {
    }

    /** One row per step of {@code derivation}, checked with the default seed and sample count. */
    public static Table checks(Derivation derivation) {
        if (derivation == null) {
            throw new IllegalArgumentException("derivation is null");
        }
        return checks(derivation.id() + " · " + derivation.title(), derivation.check());
    }

    /**
     * One row per check result: step, claim, relation, inputs, max abs Δ, max rel Δ, worst input,
     * holds.
     */
    public static Table checks(String title, List<CheckResult> results) {
        if (results == null || results.isEmpty()) {
            throw new IllegalArgumentException("results is empty: check a derivation first");
        }
        StringColumn step = StringColumn.create("step");
        StringColumn claim = StringColumn.create("claim");
        StringColumn checked = StringColumn.create("checked");
        IntColumn inputs = IntColumn.create("inputs");
        DoubleColumn abs = DoubleColumn.create("max abs Δ");
        DoubleColumn rel = DoubleColumn.create("max rel Δ");
        StringColumn worst = StringColumn.create("worst input");
        StringColumn holds = StringColumn.create("holds");
        for (CheckResult r : results) {
            step.append(r.derivation() + "." + r.step());
            claim.append(r.label());
            checked.append("left " + r.relation().symbol() + " right");
            inputs.append(r.inputs());
            abs.append(r.maxAbsDiff());
            rel.append(r.maxRelDiff());
            worst.append(r.worstInput());
            holds.append(r.holds() ? "yes" : "NO: " + r.failure());
        }
        return Tables.readable(Table.create(title == null ? "Checks" : title, step, claim, checked, inputs, abs, rel,
                worst, holds));
    }

    /** One row per derivation: id, title, the digest ids it serves, steps, and whether all hold. */
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
