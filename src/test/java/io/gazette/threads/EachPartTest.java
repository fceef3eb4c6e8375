package io.gazette.threads;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class EachPartTest {

    @Test
    void everyPartRunsOnceAndTheCallerTakesPartsToo() throws IOException {
        int count = 500;
        AtomicIntegerArray runs = new AtomicIntegerArray(count);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        EachPart.run(count, part -> {
            runs.incrementAndGet(part);
            threads.add(Thread.currentThread());
            busy();
        });
        for (int p = 0; p < count; p++) {
            assertThat(runs.get(p)).as("part %d", p).isEqualTo(1);
        }
        assertThat(threads).contains(Thread.currentThread());
    }

    @Test
    void partsAreSharedWithThePoolsThreads() throws IOException {
        assumeThat(ForkJoinPool.getCommonPoolParallelism()).isGreaterThan(0);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        // Each part waits until two threads have begun one, so one thread alone never ends.
        AtomicInteger begun = new AtomicInteger();
        EachPart.run(2, part -> {
            threads.add(Thread.currentThread());
            begun.incrementAndGet();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (begun.get() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        });
        assertThat(threads).hasSize(2);
    }

    @Test
    void aFailureStopsThePartsNotBegunAndIsThrownAsItWas() {
        AtomicInteger ran = new AtomicInteger();
        IOException thrown = new IOException("disk full");
        assertThatThrownBy(() -> EachPart.run(10_000, part -> {
            ran.incrementAndGet();
            if (part == 3) {
                throw thrown;
            }
            busy();
        })).isSameAs(thrown);
        assertThat(ran.get()).isLessThan(10_000);
    }

    @Test
    void noPartsIsNothingToDo() throws IOException {
        AtomicInteger ran = new AtomicInteger();
        EachPart.run(0, part -> ran.incrementAndGet());
        assertThat(ran.get()).isZero();
    }

    private static void busy() {
        long end = System.nanoTime() + 20_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
