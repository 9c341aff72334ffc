package org.softmaxcourse.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.activation.Elu;
import org.softmaxcourse.activation.Gelu;
import org.softmaxcourse.activation.LogSigmoid;
import org.softmaxcourse.activation.Logit;
import org.softmaxcourse.activation.Mish;
import org.softmaxcourse.activation.Selu;
import org.softmaxcourse.activation.Sigmoid;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.activation.Softplus;
import org.softmaxcourse.activation.Swish;
import org.softmaxcourse.activation.Tanh;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.internal.kernel.Exp;
import org.softmaxcourse.internal.kernel.Log1p;
import org.softmaxcourse.testing.Ulps;

/**
 * Every function against the correctly rounded mpmath references of
 * {@code src/test/python/mpmath_reference.py}: at most 1 ULP for the functions at the heart of
 * the course (sigmoid, log-sigmoid, softplus, logit, binary cross-entropy from logits) and for
 * the exponential and log1p that the softmax and loss kernels are built on, at most 3
 * for the rest. The error measure is {@link Ulps#distance}.
 *
 * <p>The test prints the table of maximum and mean ULP errors that {@code lib/ACCURACY.md}
 * quotes: {@code mvn -B -pl lib test -Dtest=ReferenceUlpTest}.
 */
class ReferenceUlpTest {
    /** Per function: the bound, and what was measured. */
    record Row(String function, String set, int bound, int points, double max, double mean, String worst) {
    }

    private static final BinaryCrossEntropy BCE = BinaryCrossEntropy.fromLogits();
    private static final CategoricalCrossEntropy CE = CategoricalCrossEntropy.fromLogits();
    private static final Map<String, DoubleUnaryOperator> SCALAR = new LinkedHashMap<>();
    private static final Map<String, Integer> BOUND = new LinkedHashMap<>();

    static {
        scalar("exp", 1, Exp::exp);
        scalar("log1p", 1, Log1p::log1p);
        scalar("sigmoid", 1, Sigmoid::sigmoid);
        scalar("log_sigmoid", 1, LogSigmoid::logSigmoid);
        scalar("softplus", 1, Softplus::softplus);
        scalar("logit", 1, Logit::logit);
        scalar("bce_y1", 1, z -> BCE.loss(z, 1.0));
        scalar("bce_y0", 1, z -> BCE.loss(z, 0.0));
        scalar("bce_grad_y1", 1, z -> BCE.derivative(z, 1.0));
        scalar("bce_grad_y0", 1, z -> BCE.derivative(z, 0.0));
        scalar("tanh", 3, Tanh.INSTANCE::value);
        scalar("elu", 3, new Elu()::value);
        scalar("selu", 3, Selu.INSTANCE::value);
        scalar("gelu_exact", 3, Gelu.EXACT::value);
        scalar("gelu_tanh", 3, Gelu.TANH::value);
        scalar("swish", 3, Swish.SILU::value);
        scalar("mish", 3, Mish.INSTANCE::value);
        BOUND.put("logsumexp", 3);
        BOUND.put("log_softmax", 3);
        BOUND.put("softmax", 3);
        BOUND.put("ce_loss", 3);
        BOUND.put("ce_grad", 3);
    }

    private static List<Row> table;

    private static void scalar(String name, int bound, DoubleUnaryOperator f) {
        SCALAR.put(name, f);
        BOUND.put(name, bound);
    }

    @BeforeAll
    static void measure() {
        table = measureAll();
        System.out.println(markdown(table));
    }

    static List<Row> measureAll() {
        List<Row> rows = new ArrayList<>();
        Map<String, List<ReferenceData.Point>> scalar = ReferenceData.scalar();
        for (Map.Entry<String, DoubleUnaryOperator> e : SCALAR.entrySet()) {
            List<ReferenceData.Point> points = scalar.get(e.getKey());
            assertTrue(points != null && !points.isEmpty(), "no reference data for " + e.getKey());
            Stat s = new Stat();
            for (ReferenceData.Point p : points) {
                double actual = e.getValue().applyAsDouble(p.x());
                s.add(Ulps.distance(actual, p.expected()), "x = " + p.x() + ": " + actual + " vs " + p.expected());
            }
            rows.add(s.row(e.getKey(), "scalar", BOUND.get(e.getKey())));
        }
        List<double[]> z = ReferenceData.rows();
        Map<String, Stat> vs = new LinkedHashMap<>();
        for (String f : List.of("logsumexp", "log_softmax", "softmax", "ce_loss", "ce_grad")) {
            vs.put(f, new Stat());
        }
        for (ReferenceData.VectorPoint p : ReferenceData.vector()) {
            double[] row = z.get(p.row());
            double actual = switch (p.function()) {
                case "logsumexp" -> Softmax.logSumExp(row);
                case "log_softmax" -> Softmax.logSoftmax(row)[p.index()];
                case "softmax" -> Softmax.softmax(row)[p.index()];
                case "ce_loss" -> CE.loss(row, p.label());
                case "ce_grad" -> CE.gradient(row, p.label())[p.index()];
                default -> throw new IllegalStateException("unknown reference function " + p.function());
            };
            vs.get(p.function()).add(Ulps.distance(actual, p.expected()), "row " + p.row() + " label " + p.label()
                    + " index " + p.index() + ": " + actual + " vs " + p.expected());
        }
        vs.forEach((f, s) -> rows.add(s.row(f, "vector", BOUND.get(f))));
        return rows;
    }

    @Test
    void everyFunctionIsWithinItsUlpBound() {
        List<String> misses = new ArrayList<>();
        for (Row r : table) {
            if (!(r.max() <= r.bound())) {
                misses.add(r.function() + ": max " + r.max() + " ULP > " + r.bound() + " at " + r.worst());
            }
        }
        assertEquals(List.of(), misses);
    }

    @Test
    void everyFunctionHasReferenceData() {
        assertEquals(BOUND.keySet(), table.stream().map(Row::function)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
        for (Row r : table) {
            assertTrue(r.points() >= 20, r.function() + " has only " + r.points() + " reference points");
        }
    }

    @Test
    void ulpDistanceCountsDoublesBetween() {
        assertEquals(0, Ulps.distance(0.0, -0.0));
        assertEquals(1, Ulps.distance(Double.MIN_VALUE, 0.0));
        assertEquals(2, Ulps.distance(Double.MIN_VALUE, -Double.MIN_VALUE));
        assertEquals(1, Ulps.distance(1.0, Math.nextUp(1.0)));
        assertEquals(1, Ulps.distance(1.0, Math.nextDown(1.0)));
        assertEquals(1, Ulps.distance(Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL)));
        assertEquals(0, Ulps.distance(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertEquals(1, Ulps.distance(Double.MAX_VALUE, Double.POSITIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, Ulps.distance(Double.NaN, 1.0));
        assertEquals(0, Ulps.distance(Double.NaN, Double.NaN));
    }

    static String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| function | inputs | points | bound (ULP) | max ULP | mean ULP |\n");
        sb.append("|---|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %.4f |%n", r.function(), r.set(),
                    r.points(), r.bound(), r.max() == Math.rint(r.max()) ? String.valueOf((long) r.max())
                            : String.valueOf(r.max()), r.mean()));
        }
        return sb.toString();
    }

    private static final class Stat {
        private int n;
        private double max = -1;
        private double sum;
        private String worst = "";

        void add(double ulps, String where) {
            n++;
            sum += ulps;
            if (ulps > max) {
                max = ulps;
                worst = where;
            }
        }

        Row row(String f, String set, int bound) {
            return new Row(f, set, bound, n, max, n == 0 ? Double.NaN : sum / n, worst);
        }
    }
}
