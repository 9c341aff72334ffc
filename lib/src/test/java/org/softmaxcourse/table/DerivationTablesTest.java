package org.softmaxcourse.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.derivation.Derivation;
import org.softmaxcourse.derivation.Derivations;
import tech.tablesaw.api.Table;

class DerivationTablesTest {

    @Test
    void checksTableHasOneRowPerStep() {
        Derivation d = Derivations.byId("D3");
        Table t = DerivationTables.checks(d);
        assertEquals(d.steps().size(), t.rowCount());
        assertEquals(List.of("step", "claim", "checked", "inputs", "max |left − right|", "max relative Δ",
                "tolerance (rounding, not error)", "worst input", "holds"), t.columnNames());
        // every step says what difference it tolerates; the same via the results-only entry point
        assertTrue(t.stringColumn(DerivationTables.TOLERANCE).asList().stream().allMatch(s -> s.startsWith("|Δ| ≤ ")
                || s.startsWith("violation ≤ ")), t.stringColumn(DerivationTables.TOLERANCE).asList().toString());
        assertEquals(t.stringColumn(DerivationTables.TOLERANCE).asList(),
                DerivationTables.checks("D3", d.check()).stringColumn(DerivationTables.TOLERANCE).asList());
        assertTrue(t.doubleColumn(DerivationTables.MAX_ABS).getString(0).matches("0|\\d(\\.\\d)?e−?-?\\d+"),
                t.doubleColumn(DerivationTables.MAX_ABS).getString(0));
        assertEquals("D3.1", t.stringColumn("step").get(0));
        assertEquals("yes", t.stringColumn("holds").get(0));
        assertTrue(t.name().startsWith("D3 · "));
        String html = t.write().toString("html");
        assertTrue(html.contains("<table"), html);
    }

    @Test
    void aFailingStepShowsItsMessage() {
        Table t = DerivationTables.checks(Derivations.articleSignSlip());
        assertTrue(t.stringColumn("holds").get(0).startsWith("NO: G1 step 1"), t.stringColumn("holds").get(0));
    }

    @Test
    void overview() {
        Table t = DerivationTables.overview(Derivations.all());
        assertEquals(11, t.rowCount());
        assertEquals("D11", t.stringColumn("id").get(10));
        assertTrue(t.stringColumn("all steps hold").asList().stream().allMatch("yes"::equals));
        assertRejected(() -> DerivationTables.overview(List.of()), "derivations is empty");
        assertRejected(() -> DerivationTables.checks("x", List.of()), "results is empty");
        assertRejected(() -> DerivationTables.checks(null), "derivation is null");
    }

    @Test
    void worstInputsShowShortNumbers() {
        assertEquals("7.442", DerivationTables.shortNumbers("7.4416100034618005"));
        assertEquals("z = -0.6912, y = [0.25, 1.0E-300]", DerivationTables.shortNumbers("z = -0.6912, y = [0.25, 1.0E-300]"));
        assertEquals("random #4 (z = 2.152e-11)", DerivationTables.shortNumbers("random #4 (z = 2.1522339466173435E-11)"));
    }
}
