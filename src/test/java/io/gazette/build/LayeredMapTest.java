package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayeredMapTest {
    /** Random replacements and removals, layered and merged again, always equal a plain map's. */
    @Test
    void givesWhatAPlainMapGivesThroughLayersAndMerges() {
        Random random = new Random(7);
        Map<Integer, String> expected = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            expected.put(i, "v" + i);
        }
        LayeredMap<Integer, String> map = LayeredMap.of(expected);
        LayeredMap<Integer, String> first = map;
        for (int step = 0; step < 300; step++) {
            Set<Integer> keys = new HashSet<>();
            Map<Integer, String> values = new HashMap<>();
            for (int n = random.nextInt(5); n >= 0; n--) {
                int key = random.nextInt(500);
                keys.add(key);
                if (random.nextInt(3) > 0) {
                    values.put(key, "s" + step + "k" + key);
                }
            }
            map = map.with(values, keys);
            for (int key : keys) {
                if (values.containsKey(key)) {
                    expected.put(key, values.get(key));
                } else {
                    expected.remove(key);
                }
            }
            assertThat(map).isEqualTo(expected);
            assertThat(map.size()).isEqualTo(expected.size());
        }
        assertThat(first.get(3)).isEqualTo("v3"); // the first map is as it was
        assertThat(map.getOrDefault(-1, "none")).isEqualTo("none");
        LayeredMap<Integer, String> last = map;
        assertThatThrownBy(() -> last.put(1, "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(List.copyOf(map.keySet())).hasSize(expected.size());
    }
}
