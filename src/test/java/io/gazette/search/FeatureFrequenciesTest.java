package io.gazette.search;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The kept frequencies answer as a plain map would, through overlays, their folding and a file. */
class FeatureFrequenciesTest {
    @Test
    void chainedChangesAnswerAsAMap() throws IOException {
        Random random = new Random(7);
        Map<Long, Integer> expected = new HashMap<>();
        FeatureFrequencies.Recorder first = new FeatureFrequencies.Recorder();
        FeatureFrequencies.Recorder second = new FeatureFrequencies.Recorder();
        for (int i = 0; i < 20_000; i++) {
            long id = random.nextLong();
            int df = 2 + random.nextInt(500);
            expected.put(id, df);
            (i % 2 == 0 ? first : second).add(id, df);
        }
        FeatureFrequencies table = FeatureFrequencies.of(first, null, second);
        long[] known = expected.keySet().stream().mapToLong(Long::longValue).toArray();
        // Rounds of changes: enough entries overall that the overlay is folded into a new base.
        for (int round = 0; round < 12; round++) {
            Map<Long, Integer> changes = new HashMap<>();
            for (int k = 0; k < 1_000; k++) {
                long id = random.nextInt(3) == 0 ? random.nextLong() : known[random.nextInt(known.length)];
                int df = random.nextInt(4) == 0 ? random.nextInt(2) : 2 + random.nextInt(500);
                changes.put(id, df);
            }
            FeatureFrequencies before = table;
            Map<Long, Integer> beforeMap = new HashMap<>(expected);
            table = table.with(changes);
            changes.forEach((id, df) -> {
                if (df < 2) {
                    expected.remove(id);
                } else {
                    expected.put(id, df);
                }
            });
            assertThat(table.asMap()).as("round %d", round).isEqualTo(expected);
            assertThat(before.asMap()).as("the table before round %d is unchanged", round).isEqualTo(beforeMap);
            for (long id : known) {
                assertThat(table.df(id)).isEqualTo(expected.getOrDefault(id, 0));
            }
            for (long id : changes.keySet()) {
                assertThat(table.df(id)).isEqualTo(expected.getOrDefault(id, 0));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.write(new DataOutputStream(bytes));
        FeatureFrequencies read = FeatureFrequencies.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                bytes.size() / 12);
        assertThat(read.asMap()).isEqualTo(expected);
        // Indexed ahead of its first look-up (as the kept state's reading thread does), then changed:
        // the change shares that index over the same base, and both answer as maps would.
        assertThat(read.indexed()).isSameAs(read);
        Map<Long, Integer> change = new HashMap<>();
        change.put(known[0], 0);
        change.put(known[1], 999);
        change.put(12345L, 3);
        FeatureFrequencies changed = read.with(change);
        Map<Long, Integer> afterChange = new HashMap<>(expected);
        afterChange.remove(known[0]);
        afterChange.put(known[1], 999);
        afterChange.put(12345L, 3);
        for (long id : known) {
            assertThat(read.df(id)).isEqualTo(expected.getOrDefault(id, 0));
            assertThat(changed.df(id)).isEqualTo(afterChange.getOrDefault(id, 0));
        }
        assertThat(changed.df(12345L)).isEqualTo(3);
        assertThat(changed.asMap()).isEqualTo(afterChange);
        // A damaged count is refused before anything is allocated for it.
        byte[] damaged = bytes.toByteArray();
        damaged[0] = 0x7f;
        assertThat(FeatureFrequencies.read(new DataInputStream(new ByteArrayInputStream(damaged)), damaged.length / 12)).isNull();
    }
}
