package org.softmaxcourse.numeric;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits the rows 0 … n−1 of a batch into {@code threads} contiguous blocks and runs them at once:
 * the last block on the calling thread, the others on a shared pool of daemon threads. Each row
 * is computed exactly as the single-threaded kernel computes it, so the results are bit for bit
 * the same whatever the thread count; only the wall time changes.
 */
public final class Parallel {
    /** The work on the rows from (inclusive) to (exclusive). */
    @FunctionalInterface
    public interface RangeTask {
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
     * Runs task over [0, n) in {@code threads} blocks (fewer if there are fewer rows); with one
     * thread, the task runs once on the calling thread over all rows.
     */
    public static void forRange(int n, int threads, RangeTask task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be at least 1");
        }
        int blocks = Math.min(threads, n);
        if (blocks <= 1) {
            task.run(0, n);
            return;
        }
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future<?>[blocks - 1];
        for (int b = 0; b < blocks - 1; b++) {
            int from = (int) ((long) n * b / blocks);
            int to = (int) ((long) n * (b + 1) / blocks);
            futures[b] = Holder.POOL.submit(() -> task.run(from, to));
        }
        RuntimeException failure = null;
        try {
            task.run((int) ((long) n * (blocks - 1) / blocks), n);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a block of rows", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
