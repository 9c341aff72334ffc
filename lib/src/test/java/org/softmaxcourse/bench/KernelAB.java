package org.softmaxcourse.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Two builds of the batch kernels side by side in one JVM: each build's classes in a class
 * loader of its own, the two called in alternation (ABAB…, the order flipped every round) on the
 * same inputs, so both see the same machine load, and checked to give the same result bit for
 * bit. Prints the minimum and the median of each; the second build constructed runs a few per cent
 * slower in this harness, so run it twice with the arguments swapped and combine. A refactoring
 * check for a loaded machine, where JMH runs one after the other move by a third (README.md).
 *
 * <pre>
 *   java -Xms4g -Xmx4g -cp lib/target/test-classes org.softmaxcourse.bench.KernelAB \
 *       /path/to/old/lib/target/classes lib/target/classes 40
 * </pre>
 */
public final class KernelAB {
    static final class Side {
        final MethodHandle softmax, logSoftmax, ceEval, bceEval;
        final Object z, zBce, ce, bce;
        final int[] labels;
        final double[] y;
        Side(Path classes, int rows, int cols, long seed) throws Throwable {
            ClassLoader cl = new URLClassLoader(new URL[] {classes.toUri().toURL()}, KernelAB.class.getClassLoader().getParent());
            var l = MethodHandles.publicLookup();
            Class<?> matrix = cl.loadClass("org.softmaxcourse.numeric.Matrix");
            Class<?> sm = cl.loadClass("org.softmaxcourse.activation.Softmax");
            Class<?> cce = cl.loadClass("org.softmaxcourse.loss.CategoricalCrossEntropy");
            Class<?> bceC = cl.loadClass("org.softmaxcourse.loss.BinaryCrossEntropy");
            Class<?> lr = cl.loadClass("org.softmaxcourse.loss.LossResult");
            Class<?> pw = cl.loadClass("org.softmaxcourse.loss.PointwiseLoss");
            MethodHandle wrap = l.findStatic(matrix, "wrap", MethodType.methodType(matrix, int.class, int.class, double[].class));
            Random r = new Random(seed);
            double[] data = new double[rows * cols];
            for (int i = 0; i < data.length; i++) data[i] = 3 * r.nextGaussian();
            z = wrap.invoke(rows, cols, data);
            labels = new int[rows];
            for (int i = 0; i < rows; i++) labels[i] = r.nextInt(cols);
            double[] zb = new double[rows * cols];
            y = new double[rows * cols];
            for (int i = 0; i < zb.length; i++) { zb[i] = 3 * r.nextGaussian(); y[i] = r.nextInt(2); }
            zBce = zb;
            softmax = l.findStatic(sm, "softmaxRows", MethodType.methodType(matrix, matrix, int.class));
            logSoftmax = l.findStatic(sm, "logSoftmaxRows", MethodType.methodType(matrix, matrix, int.class));
            ce = l.findStatic(cce, "fromLogits", MethodType.methodType(cce)).invoke();
            ceEval = l.findVirtual(cce, "evaluate", MethodType.methodType(lr, matrix, int[].class, int.class));
            bce = l.findStatic(bceC, "fromLogits", MethodType.methodType(bceC)).invoke();
            bceEval = l.findVirtual(pw, "evaluate", MethodType.methodType(lr, double[].class, double[].class, int.class));
        }
        Object run(int op) throws Throwable {
            switch (op) {
                case 0: return softmax.invoke(z, 1);
                case 1: return logSoftmax.invoke(z, 1);
                case 2: return ceEval.invoke(ce, z, labels, 1);
                default: return bceEval.invoke(bce, (double[]) zBce, y, 1);
            }
        }
    }

    private KernelAB() {
    }

    /**
     * Runs the comparison.
     *
     * @param a the first build's classes directory, the second's, and the repetitions per kernel
     * @throws Throwable if a build lacks a kernel or a kernel fails
     */
    public static void main(String[] a) throws Throwable {
        String[] ops = {"softmax", "logSoftmax", "CE fwd+bwd", "BCE fwd+bwd"};
        int reps = Integer.parseInt(a[2]);
        for (int[] shape : new int[][] {{1_000_000, 10}, {10_000, 1000}}) {
            Side[] s = {new Side(Path.of(a[0]), shape[0], shape[1], 1), new Side(Path.of(a[1]), shape[0], shape[1], 1)};
            for (int op = 0; op < 4; op++) {
                // Same inputs: results must agree bit for bit.
                String r0 = String.valueOf(hash(s[0].run(op))), r1 = String.valueOf(hash(s[1].run(op)));
                long[][] t = new long[2][reps];
                for (int w = 0; w < 5; w++) { s[0].run(op); s[1].run(op); }
                for (int k = 0; k < reps; k++) {
                    for (int side = 0; side < 2; side++) {
                        int sd = (k % 2 == 0) ? side : 1 - side;
                        long t0 = System.nanoTime();
                        s[sd].run(op);
                        t[sd][k] = System.nanoTime() - t0;
                    }
                }
                Arrays.sort(t[0]); Arrays.sort(t[1]);
                System.out.printf("%-12s %dx%d  old min %7.2f med %7.2f ms | new min %7.2f med %7.2f ms | new/old min %.3f med %.3f | same result %b%n",
                        ops[op], shape[0], shape[1], t[0][0] / 1e6, t[0][reps / 2] / 1e6, t[1][0] / 1e6, t[1][reps / 2] / 1e6,
                        (double) t[1][0] / t[0][0], (double) t[1][reps / 2] / t[0][reps / 2], r0.equals(r1));
            }
        }
    }

    static int hash(Object result) throws Throwable {
        // Matrix.data() or LossResult's losses/value/gradient, compared through their toString-free content.
        var l = MethodHandles.publicLookup();
        Class<?> c = result.getClass();
        if (c.getSimpleName().equals("Matrix")) {
            return Arrays.hashCode((double[]) l.findVirtual(c, "data", MethodType.methodType(double[].class)).invoke(result));
        }
        double[] losses = (double[]) l.findVirtual(c, "losses", MethodType.methodType(double[].class)).invoke(result);
        double value = (double) l.findVirtual(c, "value", MethodType.methodType(double.class)).invoke(result);
        Object g = l.findVirtual(c, "gradient", MethodType.methodType(Object.class)).invoke(result);
        int gh = g instanceof double[] d ? Arrays.hashCode(d) : hash(g);
        return Arrays.hashCode(losses) * 31 + Double.hashCode(value) * 17 + gh;
    }
}
