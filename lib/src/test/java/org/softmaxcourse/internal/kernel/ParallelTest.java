package org.softmaxcourse.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.testing.Rejects;

class ParallelTest {
    @ParameterizedTest(name = "n = {0}, threads = {1}")
    @CsvSource({"0, 2", "1, 2", "2, 2", "7, 3", "31, 2", "32, 2", "33, 2", "1000, 1", "1000, 2", "100003, 2", "5000, 8"})
    void everyRowRunsExactlyOnceInContiguousRanges(int n, int threads) {
        AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(n, 1));
        Parallel.forRange(n, threads, (from, to) -> {
            assertTrue(0 <= from && (from < to || n == 0) && to <= n, "range [" + from + ", " + to + ")");
            for (int i = from; i < to; i++) {
                seen.incrementAndGet(i);
            }
        });
        for (int i = 0; i < n; i++) {
            assertEquals(1, seen.get(i), "row " + i);
        }
    }

    @Test
    void twoThreadsShareTheWorkInChunks() {
        ConcurrentHashMap<Thread, Integer> rowsBy = new ConcurrentHashMap<>();
        int[] chunks = {0};
        Parallel.forRange(64_000, 2, (from, to) -> {
            synchronized (chunks) {
                chunks[0]++;
            }
            rowsBy.merge(Thread.currentThread(), to - from, Integer::sum);
            busy(to - from);
        });
        assertEquals(2 * Parallel.CHUNKS_PER_THREAD, chunks[0]);
        assertEquals(64_000, rowsBy.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(rowsBy.containsKey(Thread.currentThread()), "the calling thread takes chunks too");
    }

    @Test
    void aFailureInAChunkIsRethrown() {
        IllegalArgumentException thrown = new IllegalArgumentException("row 777 is bad");
        IllegalArgumentException caught = assertThrows(IllegalArgumentException.class,
                () -> Parallel.forRange(10_000, 2, (from, to) -> {
                    if (from <= 777 && 777 < to) {
                        throw thrown;
                    }
                }));
        assertSame(thrown, caught);
    }

    @Test
    void threadsMustBePositive() {
        Rejects.assertRejected(() -> Parallel.forRange(10, 0, (from, to) -> { }), "threads = 0");
    }

    private static double busy(int rows) {
        double s = 0;
        for (int i = 0; i < rows * 50; i++) {
            s += Math.sqrt(i);
        }
        return s;
    }
}
