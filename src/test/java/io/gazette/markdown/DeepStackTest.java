package io.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Work on the large-stack threads while its items are still being given (the content stage's walk). */
class DeepStackTest {
    @Test
    void eachItemIsWorkedOnWhileTheSourceIsStillGivingThem() throws Exception {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch firstDone = new CountDownLatch(1);
        boolean[] sawFirstWhileGiving = new boolean[1];
        DeepStack.<Integer>forEachAsGiven(take -> {
            take.accept(0);
            // The source goes on only once the first item is done: work that waited for the
            // source to return would never get here in time.
            try {
                sawFirstWhileGiving[0] = firstDone.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            for (int i = 1; i < 1000; i++) {
                take.accept(i);
            }
        }, item -> {
            threads.add(Thread.currentThread().getName());
            done.add(item);
            if (item == 0) {
                firstDone.countDown();
            }
        });
        assertThat(sawFirstWhileGiving[0]).isTrue();
        assertThat(done).hasSize(1000);
        assertThat(threads).allMatch(name -> name.startsWith("gazette-markdown-"));
    }

    @Test
    void whatTheSourceThrowsIsThrownOnceItsItemsAreDone() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        assertThatThrownBy(() -> DeepStack.<Integer>forEachAsGiven(take -> {
            for (int i = 0; i < 100; i++) {
                take.accept(i);
            }
            throw new IOException("cannot read folder");
        }, item -> {
            sleepBriefly();
            done.add(item);
        })).isInstanceOf(IOException.class).hasMessage("cannot read folder");
        assertThat(done).hasSize(100);
    }

    @Test
    void onALargeStackThreadItRunsWhereItIsCalled() {
        List<String> threads = DeepStack.map(List.of(1, 2), item -> {
            Set<String> inner = ConcurrentHashMap.newKeySet();
            try {
                DeepStack.<Integer>forEachAsGiven(take -> take.accept(item),
                        given -> inner.add(Thread.currentThread().getName()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(inner).containsExactly(Thread.currentThread().getName());
            return Thread.currentThread().getName();
        });
        assertThat(threads).allMatch(name -> name.startsWith("gazette-markdown-"));
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
