package org.softmaxcourse.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.softmaxcourse.activation.Softmax;
import org.softmaxcourse.loss.BinaryCrossEntropy;
import org.softmaxcourse.loss.CategoricalCrossEntropy;
import org.softmaxcourse.loss.LossResult;
import org.softmaxcourse.numeric.Matrix;

/**
 * The batch kernels on float64 logits (standard normal times 3), one operation per call, the
 * time of a whole batch: softmax and log-softmax of every row, cross-entropy from logits with
 * integer labels (loss and gradient, reduction mean) and binary cross-entropy from logits on the
 * same number of independent logits with 0/1 targets (losses, mean and gradient). The shapes are
 * rows × classes; threads is the kernel's thread count (the rows split into blocks,
 * {@link org.softmaxcourse.internal.kernel.Parallel}). Run with {@code -prof gc} for the allocation per
 * operation: the outputs are the only allocation.
 *
 * <p>The forked JVM has a fixed 8 GB heap, touched at start ({@code -XX:+AlwaysPreTouch}, about
 * 13 s per fork), as a long-running JVM's heap is: without it, an output array often lands on
 * pages the kernel has not yet mapped, and the page faults, not the kernels, set the time (the
 * medians doubled and the errors exceeded them). See README.md here for the command and
 * {@code src/test/python/torch_compare.py} for PyTorch side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
public class KernelBenchmark {
    @Param({"1000000x10", "100000x1000"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private Matrix z;
    private int[] labels;
    private double[] flat;
    private double[] binary;
    private final CategoricalCrossEntropy ce = CategoricalCrossEntropy.fromLogits();
    private final BinaryCrossEntropy bce = BinaryCrossEntropy.fromLogits();

    @Setup(Level.Trial)
    public void data() {
        String[] rc = shape.split("x");
        int n = Integer.parseInt(rc[0]);
        int c = Integer.parseInt(rc[1]);
        SplittableRandom r = new SplittableRandom(8);
        double[] v = new double[n * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = 3 * gaussian(r);
        }
        z = Matrix.wrap(n, c, v);
        labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(c);
        }
        flat = v;
        binary = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            binary[i] = r.nextInt(2);
        }
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double w = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * w);
    }

    @Benchmark
    public Matrix softmax() {
        return Softmax.softmaxRows(z, threads);
    }

    @Benchmark
    public Matrix logSoftmax() {
        return Softmax.logSoftmaxRows(z, threads);
    }

    @Benchmark
    public LossResult<Matrix> crossEntropyForwardBackward() {
        return ce.evaluate(z, labels, threads);
    }

    @Benchmark
    public LossResult<double[]> binaryCrossEntropyForwardBackward() {
        return bce.evaluate(flat, binary, threads);
    }
}
