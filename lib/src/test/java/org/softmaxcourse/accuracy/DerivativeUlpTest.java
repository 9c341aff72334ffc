package org.softmaxcourse.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxcourse.activation.Elu;
import org.softmaxcourse.activation.Gelu;
import org.softmaxcourse.activation.HardSigmoid;
import org.softmaxcourse.activation.LeakyRelu;
import org.softmaxcourse.activation.LogSigmoid;
import org.softmaxcourse.activation.Logit;
import org.softmaxcourse.activation.Mish;
import org.softmaxcourse.activation.PRelu;
import org.softmaxcourse.activation.Relu;
import org.softmaxcourse.activation.Relu6;
import org.softmaxcourse.activation.Selu;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.activation.Softplus;
import org.softmaxcourse.activation.Swish;
import org.softmaxcourse.activation.Tanh;
import org.softmaxcourse.info.BinaryEntropy;
import org.softmaxcourse.info.CrossEntropy;
import org.softmaxcourse.info.Entropy;
import org.softmaxcourse.info.JensenShannon;
import org.softmaxcourse.info.KullbackLeibler;
import org.softmaxcourse.testing.Ulps;

/**
 * Every derivative the library offers, the softmax Jacobian and backward pass, and the
 * information measures, against the correctly rounded mpmath references of
 * {@code src/test/python/mpmath_reference.py} ({@code derivative.csv}, {@code softmax_*.csv},
 * {@code measure.csv}): one test per function, over all of its reference points.
 *
 * <p><b>Bound.</b> At most 2 ULP ({@link Ulps#distance}) wherever the quantity is
 * well-conditioned, and 2 + κ ULP where it is not. κ, written next to each reference, is the
 * condition number of the sum the quantity is made of: (|a| + |b| + …)/|a + b + …| for the
 * terms of its mathematical definition, e.g. Φ(x) and x·φ(x) for GELU′ = Φ + xφ, or the terms
 * pᵢ log(pᵢ/qᵢ) of KL. κ is 1 when nothing cancels; "ill-conditioned" means κ &gt; 2 (the terms
 * cancel more than one bit), which happens near the zeros of GELU′, SiLU′ and Mish′ (the minima
 * of the activations), for KL and JS of close p and q, and for backward components where
 * gᵢ ≈ ⟨p, g⟩. There, a rounding of any term by one ULP moves the sum by up to κ ULP.
 *
 * <p>The table of the maxima ({@code lib/ACCURACY.md}) is printed after the run:
 * {@code mvn -B -pl lib test -Dtest=DerivativeUlpTest}.
 */
class DerivativeUlpTest {
    /** The bound where the quantity is well-conditioned. */
    static final double BASE = 2;

    private static final Map<String, DoubleUnaryOperator> DERIVATIVES = new LinkedHashMap<>();
    private static final Map<String, ToDoubleBiFunction<double[], double[]>> MEASURES = new LinkedHashMap<>();
    private static final Map<String, Measured> RESULTS = new ConcurrentHashMap<>();

    static {
        DERIVATIVES.put("sigmoid'", Sigmoid.INSTANCE::derivative);
        DERIVATIVES.put("log_sigmoid'", LogSigmoid.INSTANCE::derivative);
        DERIVATIVES.put("softplus'", Softplus.INSTANCE::derivative);
        DERIVATIVES.put("logit'", Logit.INSTANCE::derivative);
        DERIVATIVES.put("tanh'", Tanh.INSTANCE::derivative);
        DERIVATIVES.put("elu'", new Elu()::derivative);
        DERIVATIVES.put("selu'", Selu.INSTANCE::derivative);
        DERIVATIVES.put("gelu_exact'", Gelu.EXACT::derivative);
        DERIVATIVES.put("gelu_tanh'", Gelu.TANH::derivative);
        DERIVATIVES.put("silu'", Swish.SILU::derivative);
        DERIVATIVES.put("mish'", Mish.INSTANCE::derivative);
        DERIVATIVES.put("relu'", Relu.INSTANCE::derivative);
        DERIVATIVES.put("relu6'", Relu6.INSTANCE::derivative);
        DERIVATIVES.put("leaky_relu'", new LeakyRelu()::derivative);
        DERIVATIVES.put("prelu'", new PRelu()::derivative);
        DERIVATIVES.put("hard_sigmoid'", HardSigmoid.INSTANCE::derivative);
        DERIVATIVES.put("binary_entropy'", BinaryEntropy::derivative);
        MEASURES.put("entropy", (p, q) -> Entropy.entropy(p));
        MEASURES.put("cross_entropy", CrossEntropy::crossEntropy);
        MEASURES.put("kl", KullbackLeibler::divergence);
        MEASURES.put("js", JensenShannon::divergence);
        MEASURES.put("binary_entropy", (p, q) -> BinaryEntropy.binaryEntropy(p[0]));
        MEASURES.put("binary_cross_entropy", (p, q) -> CrossEntropy.binary(p[0], q[0]));
        MEASURES.put("binary_kl", (p, q) -> KullbackLeibler.binary(p[0], q[0]));
    }

    /** What one function measured: the largest error, the largest where κ ≤ 2, the worst point against its bound. */
    record Measured(String function, int points, int illConditioned, double max, double maxWellConditioned,
            double maxShareOfBound, double mean, double worstExcess, String worst) {
    }

    static Stream<String> derivatives() {
        return DERIVATIVES.keySet().stream();
    }

    static Stream<String> measures() {
        return MEASURES.keySet().stream();
    }

    static Stream<String> softmaxDerivatives() {
        return Stream.of("jacobian", "backward");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivatives")
    void derivativeIsWithinItsBound(String function) {
        List<ReferenceData.DerivativePoint> points = ReferenceData.derivative().get(function);
        assertTrue(points != null && points.size() >= 20, "no reference data for " + function);
        DoubleUnaryOperator f = DERIVATIVES.get(function);
        Stat s = new Stat();
        for (ReferenceData.DerivativePoint p : points) {
            double actual = f.applyAsDouble(p.x());
            s.add(new ReferenceData.ConditionedPoint("x = " + p.x(), p.expected(), p.kappa()), actual);
        }
        check(s.result(function));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measures")
    void measureIsWithinItsBound(String function) {
        ToDoubleBiFunction<double[], double[]> f = MEASURES.get(function);
        Stat s = new Stat();
        for (ReferenceData.MeasurePoint p : ReferenceData.measure()) {
            if (p.function().equals(function)) {
                double actual = f.applyAsDouble(p.p(), p.q());
                s.add(new ReferenceData.ConditionedPoint("p = " + shortly(p.p()) + ", q = " + shortly(p.q()),
                        p.expected(), p.kappa()), actual);
            }
        }
        assertTrue(s.n >= 20, "no reference data for " + function);
        check(s.result(function));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("softmaxDerivatives")
    void softmaxDerivativeIsWithinItsBound(String function) {
        List<ReferenceData.SoftmaxCase> cases = ReferenceData.softmaxCases();
        Map<Integer, double[]> computed = new LinkedHashMap<>();
        Stat s = new Stat();
        for (ReferenceData.SoftmaxPoint p : ReferenceData.softmaxDerivative()) {
            if (!p.function().equals(function)) {
                continue;
            }
            ReferenceData.SoftmaxCase c = cases.get(p.caseIndex());
            double[] out = computed.computeIfAbsent(p.caseIndex(), k -> function.equals("jacobian")
                    ? Softmax.jacobian(c.z()).data() : Softmax.backward(c.z(), c.upstream()));
            s.add(new ReferenceData.ConditionedPoint("case " + p.caseIndex() + " index " + p.index(), p.expected(),
                    p.kappa()), out[p.index()]);
        }
        assertTrue(s.n >= 20, "no reference data for " + function);
        check(s.result(function));
    }

    @Test
    void conditionedBoundIsBasePlusKappaOnlyWhereIllConditioned() {
        assertEquals(2, new ReferenceData.ConditionedPoint("", 1, 1).bound(BASE));
        assertEquals(2, new ReferenceData.ConditionedPoint("", 1, 2).bound(BASE));
        assertEquals(12.5, new ReferenceData.ConditionedPoint("", 1, 10.5).bound(BASE));
    }

    /** A vector for a message: in full up to 4 entries, else its length and first entries. */
    private static String shortly(double[] v) {
        return v.length <= 4 ? java.util.Arrays.toString(v)
                : v.length + " entries " + java.util.Arrays.toString(java.util.Arrays.copyOf(v, 3)).replace("]", ", …]");
    }

    private static void check(Measured m) {
        RESULTS.put(m.function(), m);
        assertTrue(m.worstExcess() <= 0, m.function() + ": " + m.worst());
    }

    @AfterAll
    static void printTable() {
        List<Measured> rows = new ArrayList<>();
        Stream.of(derivatives(), softmaxDerivatives(), measures()).flatMap(x -> x)
                .map(RESULTS::get).filter(java.util.Objects::nonNull).forEach(rows::add);
        System.out.println(markdown(rows));
    }

    static String markdown(List<Measured> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| function | points | of them κ > 2 | max ULP where κ ≤ 2 (bound 2) | max ULP / (2 + κ) where κ > 2 "
                + "| max ULP anywhere | mean ULP |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Measured r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %.3g |%n", r.function(), r.points(),
                    r.illConditioned(), number(r.maxWellConditioned()),
                    r.illConditioned() == 0 ? "–" : String.format(Locale.ROOT, "%.2f", r.maxShareOfBound()),
                    number(r.max()), r.mean()));
        }
        return sb.toString();
    }

    private static String number(double v) {
        return v < 0 ? "–" : v == Math.rint(v) && v < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static final class Stat {
        int n;
        int ill;
        double max = -1;
        double maxWell = -1;
        double share;
        double sum;
        double worstExcess = Double.NEGATIVE_INFINITY;
        String worst = "";

        void add(ReferenceData.ConditionedPoint p, double actual) {
            double ulps = Ulps.distance(actual, p.expected());
            double bound = p.bound(BASE);
            n++;
            sum += ulps;
            max = Math.max(max, ulps);
            if (p.kappa() > 2) {
                ill++;
                share = Math.max(share, ulps / bound);
            } else {
                maxWell = Math.max(maxWell, ulps);
            }
            double excess = Double.isNaN(ulps) ? Double.POSITIVE_INFINITY : ulps - bound;
            if (excess > worstExcess) {
                worstExcess = excess;
                worst = String.format(Locale.ROOT, "%s: %s vs %s, %s ULP, κ = %.3g, bound %.3g", p.where(), actual,
                        p.expected(), number(ulps), p.kappa(), bound);
            }
        }

        Measured result(String function) {
            return new Measured(function, n, ill, max, maxWell, share, n == 0 ? Double.NaN : sum / n, worstExcess, worst);
        }
    }
}
