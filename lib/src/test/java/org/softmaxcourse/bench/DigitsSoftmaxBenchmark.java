package org.softmaxcourse.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.softmaxcourse.classify.Course;
import org.softmaxcourse.classify.SoftmaxRegression;
import org.softmaxcourse.classify.TrainingOptions;
import org.softmaxcourse.data.Datasets;
import org.softmaxcourse.data.Split;

/**
 * How long softmax regression takes to learn the handwritten digits to ≥ 95 % test accuracy: one
 * whole training from W = 0 on the course split (1437 training images, 64 standardised pixels,
 * 10 classes) per measurement, JMH single-shot mode. Loading, splitting and standardising the
 * data are set-up, not timed; each trained model is checked against the 95 % bar.
 *
 * <ul>
 *   <li>{@code courseRecipe}: the course's recipe, mini-batches of 32, η = 0.1, 20 epochs;</li>
 *   <li>{@code fullBatch}: full-batch gradient descent, η = 1, 100 epochs, for comparison.</li>
 * </ul>
 *
 * <p>{@link #main} runs two configurations: warmed up (5 warm-up trainings, then 10 measured, in
 * each of 3 forks) and cold (the first training in each of 10 fresh JVMs, JIT compilation
 * included: what a notebook sees the first time). Run on one core; see {@code README.md} here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class DigitsSoftmaxBenchmark {
    private Split split;
    private SoftmaxRegression last;

    @Setup(Level.Trial)
    public void load() {
        split = Course.split(Datasets.digits());
    }

    @Benchmark
    public SoftmaxRegression courseRecipe() {
        last = SoftmaxRegression.fit(split.train().features(), split.train().labels(), 10, Course.digits());
        return last;
    }

    @Benchmark
    public SoftmaxRegression fullBatch() {
        last = SoftmaxRegression.fit(split.train().features(), split.train().labels(), 10,
                TrainingOptions.defaults().withLearningRate(1).withEpochs(100));
        return last;
    }

    @TearDown(Level.Iteration)
    public void checkTheBar() {
        double accuracy = Course.accuracy(last.predict(split.test().features()), split.test().labels());
        if (accuracy < 0.95) {
            throw new IllegalStateException("test accuracy " + accuracy + " is below the 95 % bar");
        }
    }

    public static void main(String[] args) throws RunnerException {
        String include = DigitsSoftmaxBenchmark.class.getName();
        Options warm = new OptionsBuilder().include(include).build();
        new Runner(warm).run();
        Options cold = new OptionsBuilder().include(include).warmupIterations(0).measurementIterations(1).forks(10)
                .build();
        new Runner(cold).run();
    }
}
