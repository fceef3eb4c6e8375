package io.gazette.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a query string asks for, in the terms both the Lucene search and the browser client rank by.
 *
 * @param unigrams distinct folded syllables; a document must contain every one (any field)
 * @param bigrams distinct adjacent folded syllable pairs "a b"; all of them in one field = phrase
 * @param exacts distinct exact (diacritics kept) syllables, each one present counting toward rank;
 *               empty when the query has no diacritic at all: "thi dua" typed on a keyboard
 *               without Vietnamese input says nothing about which spelling is meant
 */
record ParsedQuery(List<String> unigrams, List<String> bigrams, List<String> exacts) {

    static ParsedQuery parse(String query) {
        List<Syllable> syllables = VietnameseTokens.scan(query == null ? "" : query);
        Set<String> unigrams = new LinkedHashSet<>();
        Set<String> bigrams = new LinkedHashSet<>();
        Set<String> exacts = new LinkedHashSet<>();
        for (int i = 0; i < syllables.size(); i++) {
            unigrams.add(syllables.get(i).folded());
            exacts.add(syllables.get(i).exact());
            if (i > 0) {
                bigrams.add(syllables.get(i - 1).folded() + " " + syllables.get(i).folded());
            }
        }
        boolean diacritics = syllables.stream().anyMatch(s -> !s.exact().equals(s.folded()));
        return new ParsedQuery(new ArrayList<>(unigrams), new ArrayList<>(bigrams),
                diacritics ? new ArrayList<>(exacts) : List.of());
    }

    boolean isEmpty() {
        return unigrams.isEmpty();
    }
}
