package io.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static long of(Object value) {
        return new Fingerprint().addPlainData(value).value();
    }

    @Test
    void bytesCountByContentNotByIdentity() {
        // Two loads of `scan: !!binary AAEC` give two arrays with the same bytes.
        assertEquals(of(Map.of("scan", new byte[] {0, 1, 2})), of(Map.of("scan", new byte[] {0, 1, 2})));
        assertNotEquals(of(Map.of("scan", new byte[] {0, 1, 2})), of(Map.of("scan", new byte[] {0, 1, 3})));
    }

    @Test
    void pairsCountByContent() {
        Object[] first = {"a", 1};
        Object[] second = {"a", 1};
        assertEquals(of(List.of(first)), of(List.of(second)));
        assertNotEquals(of(List.<Object>of(new Object[] {"a", 1})), of(List.<Object>of(new Object[] {"a", 2})));
    }

    @Test
    void typeAndNestingCount() {
        assertNotEquals(of("1"), of(1));
        assertNotEquals(of(List.of(List.of("a"), "b")), of(List.of("a", List.of("b"))));
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", "x");
        ab.put("b", null);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", null);
        ba.put("a", "x");
        assertNotEquals(of(ab), of(ba)); // key order is what a template's loop shows
        assertEquals(of(ab), of(new LinkedHashMap<>(ab)));
    }
}
