package org.softmaxcourse.accuracy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mpmath reference data of {@code src/test/python/mpmath_reference.py}, read from the CSV
 * files under {@code org/softmaxcourse/reference/} on the test class path.
 */
final class ReferenceData {
    record Point(double x, double expected) {
    }

    record VectorPoint(String function, int row, int label, int index, double expected) {
    }

    /** A reference with its condition number κ (see {@link ConditionedPoint#bound}). */
    record ConditionedPoint(String where, double expected, double kappa) {
        /**
         * The ULP bound at this point: {@code base} where κ ≤ 2 (the terms cancel at most one bit),
         * base + κ where the quantity is ill-conditioned (κ &gt; 2).
         */
        double bound(double base) {
            return kappa > 2 ? base + kappa : base;
        }
    }

    /** A scalar derivative point: g′(x) with κ. */
    record DerivativePoint(double x, double expected, double kappa) {
    }

    /** An information measure of (p, q) with κ; binary measures have one-entry p and q. */
    record MeasurePoint(String function, double[] p, double[] q, double expected, double kappa) {
    }

    /** A softmax Jacobian or backward reference: case (z, upstream), index, κ. */
    record SoftmaxPoint(String function, int caseIndex, int index, double expected, double kappa) {
    }

    /** The softmax cases: logits, and the upstream gradient (null for the Jacobian). */
    record SoftmaxCase(double[] z, double[] upstream) {
    }

    private ReferenceData() {
    }

    /** Scalar points by function name, in file order. */
    static Map<String, List<Point>> scalar() {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        for (String[] f : lines("scalar.csv")) {
            out.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new Point(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        }
        return out;
    }

    static List<double[]> rows() {
        List<double[]> out = new ArrayList<>();
        for (String[] f : lines("rows.csv")) {
            String[] v = f[1].split(" ");
            double[] z = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                z[j] = Double.parseDouble(v[j]);
            }
            out.add(z);
        }
        return out;
    }

    static List<VectorPoint> vector() {
        List<VectorPoint> out = new ArrayList<>();
        for (String[] f : lines("vector.csv")) {
            out.add(new VectorPoint(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    Double.parseDouble(f[4])));
        }
        return out;
    }

    /** Derivative points by function name (e.g. {@code gelu_exact'}), in file order. */
    static Map<String, List<DerivativePoint>> derivative() {
        Map<String, List<DerivativePoint>> out = new LinkedHashMap<>();
        for (String[] f : lines("derivative.csv")) {
            out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new DerivativePoint(
                    Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
        }
        return out;
    }

    static List<MeasurePoint> measure() {
        List<MeasurePoint> out = new ArrayList<>();
        for (String[] f : lines("measure.csv")) {
            out.add(new MeasurePoint(f[0], doubles(f[1]), doubles(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4])));
        }
        return out;
    }

    static List<SoftmaxCase> softmaxCases() {
        List<SoftmaxCase> out = new ArrayList<>();
        for (String[] f : lines("softmax_cases.csv")) {
            out.add(new SoftmaxCase(doubles(f[1]), f.length < 3 || f[2].isEmpty() ? null : doubles(f[2])));
        }
        return out;
    }

    static List<SoftmaxPoint> softmaxDerivative() {
        List<SoftmaxPoint> out = new ArrayList<>();
        for (String[] f : lines("softmax_derivative.csv")) {
            out.add(new SoftmaxPoint(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4])));
        }
        return out;
    }

    private static double[] doubles(String spaceSeparated) {
        String[] v = spaceSeparated.split(" ");
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = Double.parseDouble(v[j]);
        }
        return out;
    }

    /** The data lines, split at commas: comments (#) and the header line are skipped. */
    private static List<String[]> lines(String file) {
        String resource = "/org/softmaxcourse/reference/" + file;
        List<String[]> out = new ArrayList<>();
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: run src/test/python/mpmath_reference.py");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                out.add(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
