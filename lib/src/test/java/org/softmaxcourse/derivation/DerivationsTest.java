package org.softmaxcourse.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** D1–D11: every step of every derivation holds, and each is rendered and cited properly. */
class DerivationsTest {
    private static final Pattern DIGEST_ID = Pattern.compile("S([1-9]|1[0-9])|G[1-8]");

    static Stream<Derivation> derivations() {
        return Derivations.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivations")
    void everyStepHolds(Derivation d) {
        List<CheckResult> results = d.check();
        assertEquals(d.steps().size(), results.size());
        for (CheckResult r : results) {
            assertTrue(r.holds(), r::toString);
            assertTrue(r.inputs() >= 1, r::toString);
            assertEquals(d.id(), r.derivation());
        }
        assertSame(d, d.verify());
        assertTrue(d.holds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivations")
    void everyStepHoldsForOtherSeedsAndMoreSamples(Derivation d) {
        for (long seed : new long[] {1, 2, 3}) {
            for (CheckResult r : d.check(seed, 1000)) {
                assertTrue(r.holds(), () -> "seed " + seed + ": " + r);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivations")
    void citesDigestIdsAndRendersAsMarkdown(Derivation d) {
        assertFalse(d.cites().isEmpty(), d.id() + " cites nothing");
        for (String id : d.cites()) {
            assertTrue(DIGEST_ID.matcher(id).matches(), d.id() + " cites " + id + ", not a digest id");
        }
        String md = d.toMarkdown();
        assertTrue(md.startsWith("### " + d.id() + " · " + d.title() + "\n"), md);
        assertTrue(md.contains("*Serves " + String.join(", ", d.cites()) + ".*"), md);
        for (int i = 0; i < d.steps().size(); i++) {
            Step s = d.steps().get(i);
            assertTrue(md.contains("$$" + s.latex() + "$$"), "step " + (i + 1) + " equation in the Markdown");
            assertTrue(md.contains("**" + (i + 1) + ". "), "step " + (i + 1) + " numbered");
            assertTrue(balanced(s.latex()), d.id() + " step " + (i + 1) + " has unbalanced braces: " + s.latex());
            assertEquals(-1, s.latex().indexOf('$'), "the LaTeX of a step carries no delimiters");
        }
        String table = d.checksToMarkdown();
        assertEquals(2 + d.steps().size(), table.split("\n").length, table);
        assertTrue(table.startsWith("| step | claim | checked | inputs | max abs Δ | max rel Δ | worst input | holds |"));
        assertFalse(table.contains("**no**"), table);
        assertTrue(d.toString().startsWith(d.id() + " · "));
    }

    private static boolean balanced(String latex) {
        int depth = 0;
        for (int i = 0; i < latex.length(); i++) {
            char c = latex.charAt(i);
            if (c == '\\' && i + 1 < latex.length()) {
                i++;
                continue;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    @Test
    void elevenDerivationsInOrder() {
        List<Derivation> all = Derivations.all();
        assertEquals(11, all.size());
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            assertEquals("D" + (i + 1), all.get(i).id());
            assertTrue(titles.add(all.get(i).title()));
            assertEquals(all.get(i).id(), Derivations.byId("d" + (i + 1)).id());
        }
        assertRejected(() -> Derivations.byId("D12"), "D12", "D1 to D11");
        assertRejected(() -> Derivations.byId(null), "null");
    }

    @Test
    void theDigestIdsTheIssueAsksFor() {
        assertTrue(Derivations.byId("D1").cites().contains("S12"));
        assertTrue(Derivations.byId("D4").cites().contains("G5"));
        assertTrue(Derivations.byId("D5").cites().containsAll(List.of("S9", "G5")));
        assertTrue(Derivations.byId("D6").cites().contains("G2"));
        assertTrue(Derivations.byId("D7").cites().contains("G2"));
        assertTrue(Derivations.byId("D8").cites().contains("S15"));
        assertTrue(Derivations.byId("D9").cites().containsAll(List.of("S14", "S15")));
        assertTrue(Derivations.byId("D10").cites().containsAll(List.of("S18", "G7")));
    }

    @Test
    void theArticlesSignSlipIsCaught() {
        Derivation slip = Derivations.articleSignSlip();
        CheckResult r = slip.check().get(0);
        assertFalse(r.holds());
        assertTrue(r.failure().startsWith("G1 step 1 (the case y = 0, as the article writes it) does not hold at ŷ = 0.2"),
                r.failure());
        assertTrue(r.failure().contains("left = 0.2231, right = -0.2231"), r.failure());
        DerivationFailedException e = assertThrows(DerivationFailedException.class, slip::verify);
        assertEquals(r.failure(), e.getMessage());
        assertSame(Relation.EQUAL, e.result().relation());
        assertTrue(slip.checksToMarkdown().contains("**no**"));
    }

    @Test
    void edgeInputsAreNamedInTheWorstInput() {
        CheckResult r = Derivations.byId("D11").check().get(5);
        assertTrue(r.worstInput().contains("naive form: "), r.worstInput());
    }
}
