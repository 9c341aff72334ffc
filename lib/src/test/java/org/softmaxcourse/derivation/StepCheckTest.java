package org.softmaxcourse.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.activation.Sigmoid;

/** The checker itself: a deliberately wrong step is caught and named; relations, NaN, throwing sides. */
class CheckTest {

    private static Derivation withWrongStep() {
        return Derivation.builder("X1", "A derivation with a plausible wrong step")
                .cites("S5")
                .step("definition", "\\sigma(z) = \\frac{1}{1 + e^{-z}}", "The logistic function.",
                        StepCheck.scalar(r -> (r.nextDouble() - 0.5) * 20, Sigmoid::sigmoid, z -> 1 / (1 + Math.exp(-z)))
                                .tolerance(0, 5e-16))
                .step("a wrong derivative", "\\sigma'(z) = \\sigma(z)\\,(1 + \\sigma(z))",
                        "A sign slip of the kind the article makes.",
                        StepCheck.scalar(r -> (r.nextDouble() - 0.5) * 20, z -> Sigmoid.INSTANCE.derivative(z),
                                z -> Sigmoid.sigmoid(z) * (1 + Sigmoid.sigmoid(z))).edge("z = 0", 0.0))
                .step("a right one after it", "\\sigma'(0) = \\tfrac14", "Evaluate at 0.",
                        StepCheck.scalar(null, (Double z) -> Sigmoid.INSTANCE.derivative(z), z -> 0.25).edge("z = 0", 0.0))
                .build();
    }

    @Test
    void aDeliberatelyWrongStepIsCaughtAndNamed() {
        Derivation d = withWrongStep();
        List<CheckResult> results = d.check();
        assertTrue(results.get(0).holds(), results.get(0)::toString);
        assertFalse(results.get(1).holds());
        assertTrue(results.get(2).holds());
        String failure = results.get(1).failure();
        // The edge input comes first: the failure names the derivation, step number, label and input.
        assertEquals("X1 step 2 (a wrong derivative) does not hold at z = 0 (0.0): left = 0.25, right = 0.75: they differ "
                + "by 5.0e-01, more than the tolerance 1.0e-12 + 1.0e-12·max(|left|, |right|)", failure);
        DerivationFailedException e = assertThrows(DerivationFailedException.class, d::verify);
        assertEquals(failure, e.getMessage());
        assertEquals(2, e.result().step());
        assertFalse(d.holds());
        assertTrue(results.get(1).toString().contains("FAILS: X1 step 2"), results.get(1).toString());
    }

    @Test
    void aWrongStepOnRandomInputsNamesTheRandomInput() {
        StepCheck<Double> c = StepCheck.scalar(r -> 1 + r.nextDouble(), z -> z, z -> z < 1.5 ? z : z + 1e-6);
        Derivation d = Derivation.builder("X2", "t").step("s", "a = b", "because", c).build();
        CheckResult r = d.check().get(0);
        assertFalse(r.holds());
        assertTrue(r.failure().startsWith("X2 step 1 (s) does not hold at random #"), r.failure());
        assertEquals(1e-6, r.maxAbsDiff(), 1e-12);
        assertTrue(r.worstInput().startsWith("random #"), r.worstInput());
    }

    @Test
    void relations() {
        assertTrue(run(StepCheck.scalar(null, (Double x) -> x, x -> 1.0).edge("x = 0.5", 0.5).relation(Relation.AT_MOST)).holds());
        assertTrue(run(StepCheck.scalar(null, (Double x) -> x, x -> 1.0).edge("x = 1", 1.0).relation(Relation.AT_MOST)).holds());
        assertFalse(run(StepCheck.scalar(null, (Double x) -> x, x -> 1.0).edge("x = 1", 1.0).relation(Relation.LESS_THAN))
                .holds());
        CheckResult over = run(StepCheck.scalar(null, (Double x) -> x, x -> 1.0).edge("x = 2", 2.0).relation(Relation.AT_MOST));
        assertFalse(over.holds());
        assertEquals(1.0, over.maxAbsDiff());
        assertTrue(over.failure().contains("left exceeds right by 1.0e+00"), over.failure());
        CheckResult under = run(StepCheck.scalar(null, (Double x) -> x, x -> 1.0).edge("x = 0", 0.0).relation(Relation.AT_LEAST));
        assertTrue(under.failure().contains("left falls short of right"), under.failure());
        assertTrue(run(StepCheck.scalar(null, (Double x) -> x, x -> 1.0).edge("x = 2", 2.0).relation(Relation.GREATER_THAN))
                .holds());
        assertTrue(run(StepCheck.scalar(null, (Double x) -> x, x -> 1.0).edge("x = 1 + 1e-13", 1 + 1e-13)).holds(),
                "within the default tolerance");
        assertEquals("≤", Relation.AT_MOST.toString());
    }

    @Test
    void nanInfinitiesThrowingSidesAndShapes() {
        CheckResult nan = run(StepCheck.scalar(null, (Double x) -> Double.NaN, x -> 1.0).edge("x", 0.0));
        assertFalse(nan.holds());
        assertTrue(nan.failure().contains("a side is NaN"), nan.failure());
        assertTrue(Double.isNaN(nan.maxAbsDiff()));
        assertTrue(run(StepCheck.scalar(null, (Double x) -> Double.POSITIVE_INFINITY, x -> Double.POSITIVE_INFINITY)
                .edge("x", 0.0)).holds(), "equal infinities");
        assertFalse(run(StepCheck.scalar(null, (Double x) -> Double.POSITIVE_INFINITY, x -> 1e300).edge("x", 0.0)).holds());
        CheckResult threw = run(StepCheck.scalar(null, (Double x) -> Sigmoid.INSTANCE.value(new double[0])[0], x -> 1.0)
                .edge("x", 0.0));
        assertFalse(threw.holds());
        assertTrue(threw.failure().contains("a side threw java.lang.IllegalArgumentException: z is empty"),
                threw.failure());
        CheckResult shape = run(StepCheck.vector(null, (Double x) -> new double[] {1, 2}, x -> new double[] {1}).edge("x", 0.0));
        assertTrue(shape.failure().contains("the sides have 2 and 1 components"), shape.failure());
        CheckResult component = run(StepCheck.vector(null, (Double x) -> new double[] {1, 2}, x -> new double[] {1, 3})
                .edge("x", 0.0));
        assertTrue(component.failure().contains("at component 1"), component.failure());
    }

    @Test
    void badDefinitions() {
        StepCheck<Double> noInputs = StepCheck.scalar(null, (Double x) -> x, x -> x);
        assertRejected(() -> Derivation.builder("X", "t").step("s", "a = b", "why", noInputs), "has no inputs");
        assertRejected(() -> Derivation.builder("X", "t").build(), "X has no steps");
        assertRejected(() -> Derivation.builder("", "t"), "id is empty");
        assertRejected(() -> Derivation.builder("X", "t").step("s", " ", "why", noInputs.edge("e", 1.0)), "latex");
        assertRejected(() -> Derivation.builder("X", "t").step("s", "a", "", noInputs.edge("e", 1.0)), "justification");
        assertRejected(() -> Derivation.builder("X", "t").step("s", "a", "why", null), "check of step \"s\" is null");
        assertRejected(() -> Derivation.builder("X", "t").cites(""), "cited id is empty");
        assertRejected(() -> noInputs.edge(" ", 1.0), "edge input needs a name");
        assertRejected(() -> noInputs.tolerance(-1, 0), "tolerance abs = -1.0");
        assertRejected(() -> noInputs.relation(null), "relation is null");
        assertRejected(() -> StepCheck.scalar(null, null, (Double x) -> x), "left is null");
        Derivation d = Derivation.builder("X", "t").step("s", "a = b", "why", noInputs.edge("e", 1.0)).build();
        assertRejected(() -> d.check(1, -1), "samples = -1");
        assertTrue(noInputs.edge("e", 1.0).toString().contains("1 edge inputs"));
        assertEquals("X · t: 1 step", d.toString());
        assertTrue(d.steps().get(0).toString().startsWith("s: a = b"));
    }

    @Test
    void checksAreReproducible() {
        Derivation d = Derivations.byId("D8");
        assertEquals(d.check(), d.check());
        assertEquals(d.check(5, 50), d.check(5, 50));
    }

    private static CheckResult run(StepCheck<?> check) {
        return Derivation.builder("T", "test").step("s", "a = b", "why", check).build().check().get(0);
    }
}
