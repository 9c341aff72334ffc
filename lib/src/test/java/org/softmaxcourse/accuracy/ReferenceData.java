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
                out.add(line.split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
