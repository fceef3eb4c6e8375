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

    /**
     * A date and time counts by what its text shows: two times are the same to the fingerprint
     * exactly when their texts are (the same instant in another zone or offset is another text).
     */
    @Test
    void aTimeCountsByWhatItsTextShows() {
        java.time.ZoneId hcm = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        java.time.ZonedDateTime t = java.time.ZonedDateTime.of(2014, 8, 18, 9, 0, 0, 0, hcm);
        List<java.time.ZonedDateTime> times = List.of(t, t.plusSeconds(1), t.plusNanos(1), t.plusDays(1),
                t.withZoneSameInstant(java.time.ZoneOffset.ofHours(7)), t.withZoneSameInstant(java.time.ZoneOffset.UTC),
                t.withZoneSameInstant(java.time.ZoneId.of("Asia/Bangkok")), t.withZoneSameLocal(java.time.ZoneOffset.UTC),
                java.time.ZonedDateTime.parse(t.toString()));
        for (java.time.ZonedDateTime a : times) {
            for (java.time.ZonedDateTime b : times) {
                long fa = new Fingerprint().add(a).value();
                long fb = new Fingerprint().add(b).value();
                assertEquals(a.toString().equals(b.toString()), fa == fb, a + " against " + b);
            }
        }
        assertNotEquals(new Fingerprint().add((java.time.ZonedDateTime) null).value(), new Fingerprint().add(t).value());
    }

    /**
     * Text is hashed char by char (FNV-1a, then its length), whether it is read through the
     * thread's small array or, when longer, a new one; a short text after a long one on the same
     * thread is not mixed with what the array held before.
     */
    @Test
    void textIsHashedCharByCharAtAnyLength() {
        String longText = "Hội nghị Trung ương lần thứ 10 — ".repeat(30);
        for (String text : List.of("Thi đua", longText, "a", longText.substring(0, 512), longText.substring(0, 513),
                "")) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < text.length(); i++) {
                h ^= text.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= text.length(); // then the length, mixed as add(long) mixes
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
            assertEquals(h, new Fingerprint().add(text).value(), text.length() + " chars");
        }
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
