package org.softmaxcourse.internal.kernel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a task over the rows 0 … n−1 of a batch on {@code threads} threads: the calling thread
 * and {@code threads − 1} daemon threads of a shared pool take contiguous chunks of rows, one at
 * a time, until none is left. Each row is computed exactly as the single-threaded kernel computes
 * it, so the results are bit for bit the same whatever the thread count; only the wall time
 * changes.
 *
 * <p>The rows go in {@value #CHUNKS_PER_THREAD} chunks per thread rather than one block each: on
 * a machine with as many cores as threads, whatever else runs (the JIT, the garbage collector,
 * the operating system) delays one thread now and then, and with one block each the whole batch
 * waits for the delayed block; with small chunks the other threads take over its share.
 */
public final class Parallel {
    /** Chunks of rows per thread. */
    static final int CHUNKS_PER_THREAD = 64;

    /** The work on the rows from (inclusive) to (exclusive). */
    @FunctionalInterface
    public interface RangeTask {
        /**
         * Does the work on rows [from, to).
         *
         * @param from the first row
         * @param to one past the last row
         */
        void run(int from, int to);
    }

    private static final class Holder {
        static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "softmaxcourse-parallel");
            t.setDaemon(true);
            return t;
        });
    }

    private Parallel() {
    }

    /**
     * Runs task over [0, n) on {@code threads} threads (fewer if there are fewer rows); with one
     * thread, the calling thread runs the chunks in order. A failure in any chunk stops
     * the taking of new chunks and is rethrown here once every thread has stopped.
     *
     * @param n the number of rows
     * @param threads the number of threads, at least 1
     * @param task the work on rows [from, to); it may run on any of the threads
     * @throws IllegalArgumentException if {@code threads} is less than 1
     * @throws RuntimeException the first exception a chunk threw, rethrown
     * @throws IllegalStateException wrapping an error a chunk threw, or if the wait was interrupted
     */
    public static void forRange(int n, int threads, RangeTask task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be at least 1");
        }
        int workers = Math.min(threads, n);
        int chunks = (int) Math.min(n, (long) workers * CHUNKS_PER_THREAD);
        if (workers <= 1) {
            // In chunks too: a task called many times is compiled whole by the JIT, where one call
            // over all rows runs in code compiled mid-loop (on-stack replacement), 10-30 % slower.
            for (int k = 0; k < chunks; k++) {
                task.run((int) ((long) n * k / chunks), (int) ((long) n * (k + 1) / chunks));
            }
            if (n == 0) {
                task.run(0, 0);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < chunks && failure.get() == null; k = next.getAndIncrement()) {
                try {
                    task.run((int) ((long) n * k / chunks), (int) ((long) n * (k + 1) / chunks));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        Future<?>[] futures = new Future<?>[workers - 1];
        for (int w = 0; w < futures.length; w++) {
            futures[w] = Holder.POOL.submit(worker);
        }
        worker.run();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // An Error thrown by the task (a RuntimeException was caught in the worker).
                failure.compareAndSet(null, new IllegalStateException(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a chunk of rows", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
