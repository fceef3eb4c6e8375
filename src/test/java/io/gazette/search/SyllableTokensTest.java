package io.gazette.search;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SyllableTokensTest {

    /** Each distinct term of a field once, in the order first met, with how often it occurs. */
    private static Map<String, Integer> counted(SyllableTokens.Counter counter, String... values) {
        for (String value : values) {
            counter.startValue();
            VietnameseTokens.scan(value, (start, end, forms) -> counter.add(forms));
        }
        SyllableTokens tokens = counter.drain();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            out.put(tokens.bytes(i).utf8ToString(), tokens.count(i));
        }
        return out;
    }

    @Test
    void singleSyllablesAreCountedByNumberAndTheCounterStartsEmptyAfterEachField() {
        SyllableTokens.Counter folded = new SyllableTokens.Counter(SyllableTokens.Form.FOLDED);
        assertThat(counted(folded, "Thi đua thi dua", "đua")).containsExactly(Map.entry("thi", 2), Map.entry("dua", 3));
        // The next field of the same counter: nothing of the last one is left.
        assertThat(counted(folded, "dua khen")).containsExactly(Map.entry("dua", 1), Map.entry("khen", 1));

        SyllableTokens.Counter exact = new SyllableTokens.Counter(SyllableTokens.Form.EXACT);
        assertThat(counted(exact, "Thi đua thi dua")).containsExactly(
                Map.entry("thi", 2), Map.entry("đua", 1), Map.entry("dua", 1));
        assertThat(counted(exact, "đua")).containsExactly(Map.entry("đua", 1));
    }

    @Test
    void pairsJoinAdjacentSyllablesWithinAValue() {
        SyllableTokens.Counter pairs = new SyllableTokens.Counter(SyllableTokens.Form.PAIRS);
        assertThat(counted(pairs, "thi đua thi dua", "khen")).containsExactly(
                Map.entry("thi dua", 2), Map.entry("dua thi", 1));
        assertThat(counted(pairs, "dua thi")).containsExactly(Map.entry("dua thi", 1));
    }
}
