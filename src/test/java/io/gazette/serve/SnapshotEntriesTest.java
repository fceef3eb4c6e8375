package io.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Layered snapshot entries behave like a plain copied map, and old snapshots never change. */
class SnapshotEntriesTest {

    @Test
    void manySmallCommitsGiveTheSameFilesAsCopiedMaps() {
        Random random = new Random(7);
        Map<String, SiteEntry> model = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            model.put("p" + i, entry(i));
        }
        SnapshotEntries entries = SnapshotEntries.of(model);
        List<SnapshotEntries> history = new ArrayList<>();
        List<Map<String, SiteEntry>> expected = new ArrayList<>();
        for (int commit = 0; commit < 400; commit++) {
            Map<String, SiteEntry> updates = new HashMap<>();
            Set<String> removals = new HashSet<>();
            for (int change = random.nextInt(6); change >= 0; change--) {
                String path = "p" + random.nextInt(700);
                if (random.nextInt(3) == 0) {
                    removals.add(path);
                    updates.remove(path);
                } else {
                    updates.put(path, entry(random.nextInt(1000)));
                    removals.remove(path);
                }
            }
            entries = entries.with(updates, removals);
            model.putAll(updates);
            model.keySet().removeAll(removals);
            history.add(entries);
            expected.add(new HashMap<>(model));
        }
        for (int i = 0; i < history.size(); i++) {
            assertThat(asMap(history.get(i))).as("commit " + i).isEqualTo(expected.get(i));
            assertThat(history.get(i).size()).as("size after commit " + i).isEqualTo(expected.get(i).size());
            for (int p = 0; p < 700; p++) {
                assertThat(history.get(i).get("p" + p)).isEqualTo(expected.get(i).get("p" + p));
            }
        }
    }

    private static Map<String, SiteEntry> asMap(SnapshotEntries entries) {
        Map<String, SiteEntry> map = new HashMap<>();
        entries.forEach((path, entry) -> assertThat(map.put(path, entry)).as("listed twice: " + path).isNull());
        return map;
    }

    private static SiteEntry entry(int n) {
        return new SiteEntry(new BlobRef("hash" + n, n), n);
    }
}
