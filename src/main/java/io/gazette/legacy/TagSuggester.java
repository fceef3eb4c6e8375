package io.gazette.legacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggests tags for an imported article from its own words, by the {@link TagRules}: first the
 * vocabulary topics it is about, then the organisations it names repeatedly. The editor reviews
 * them; the rules only make a first, explainable guess.
 */
public final class TagSuggester {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private final TagRules rules;
    private final List<List<String>> topicWords;
    private final List<List<String>> headWords;

    public TagSuggester(TagRules rules) {
        this.rules = rules;
        this.topicWords = rules.topics().stream().map(TagSuggester::lowerWords).toList();
        this.headWords = rules.organisationHeads().stream().map(TagSuggester::words).toList();
    }

    public List<TagSuggestion> suggest(String title, List<String> texts) {
        List<TagSuggestion> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> titleWords = lowerWords(title);
        List<List<String>> textWords = texts.stream().map(TagSuggester::lowerWords).toList();
        for (int t = 0; t < rules.topics().size(); t++) {
            List<String> phrase = topicWords.get(t);
            if (phrase.isEmpty()) {
                continue;
            }
            int mentions = textWords.stream().mapToInt(w -> occurrences(w, phrase)).sum();
            String tag = rules.topics().get(t);
            if (occurrences(titleWords, phrase) > 0) {
                add(tags, seen, new TagSuggestion(tag, "in the title"));
            } else if (mentions >= rules.minTopicMentions()) {
                add(tags, seen, new TagSuggestion(tag, mentions + " times in the text"));
            }
        }
        List<String> all = new ArrayList<>();
        all.add(title);
        all.addAll(texts);
        Map<String, Integer> named = organisations(all);
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(named.entrySet());
        // Stable sort: equal counts keep their order of first mention.
        ranked.sort(Collections.reverseOrder(Map.Entry.comparingByValue()));
        for (Map.Entry<String, Integer> org : ranked) {
            if (org.getValue() >= rules.minOrganisationMentions()) {
                add(tags, seen, new TagSuggestion(org.getKey(), "named " + org.getValue() + " times"));
            }
        }
        return List.copyOf(tags.subList(0, Math.min(tags.size(), rules.maxTags())));
    }

    private static void add(List<TagSuggestion> tags, Set<String> seen, TagSuggestion tag) {
        if (seen.add(tag.tag().toLowerCase(Locale.ROOT))) {
            tags.add(tag);
        }
    }

    /** Organisation names in order of first mention, with how often each is named. */
    Map<String, Integer> organisations(List<String> texts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String text : texts) {
            List<Word> words = tokens(text);
            for (int i = 0; i < words.size(); i++) {
                int headLength = headAt(words, i);
                if (headLength == 0) {
                    continue;
                }
                int end = nameEnd(words, i + headLength);
                if (end > i + headLength) {
                    String name = text.substring(words.get(i).start, words.get(end - 1).end);
                    counts.merge(name, 1, Integer::sum);
                    i = end - 1;
                }
            }
        }
        return counts;
    }

    /** Length in words of the head (Bộ, Tổng cục, ...) starting at word {@code i}, 0 if none. */
    private int headAt(List<Word> words, int i) {
        int best = 0;
        for (List<String> head : headWords) {
            if (head.size() > best && joined(words, i, head.size()) && matches(words, i, head)) {
                best = head.size();
            }
        }
        return best;
    }

    /** Exclusive end of the name part after a head that starts at {@code start}. */
    private int nameEnd(List<Word> words, int start) {
        if (start >= words.size() || !words.get(start).capitalised() || !joined(words, start - 1, 2)) {
            return start;
        }
        int end = start + 1;
        while (end < words.size() && joined(words, end - 1, 2)) {
            Word w = words.get(end);
            if (w.lowerCase()) {
                end++;
            } else if (words.get(end - 1).text.equals("và") && headAt(words, end) == 0) {
                end++;
            } else {
                break;
            }
        }
        if (words.get(end - 1).text.equals("và")) {
            end--;
        }
        return end;
    }

    private static boolean matches(List<Word> words, int i, List<String> expected) {
        if (i + expected.size() > words.size()) {
            return false;
        }
        for (int k = 0; k < expected.size(); k++) {
            if (!words.get(i + k).text.equals(expected.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** True when words {@code i .. i+count-1} are separated by single spaces only. */
    private static boolean joined(List<Word> words, int i, int count) {
        if (i < 0 || i + count > words.size()) {
            return false;
        }
        for (int k = i + 1; k < i + count; k++) {
            if (words.get(k).start != words.get(k - 1).end + 1 || words.get(k).gapChar != ' ') {
                return false;
            }
        }
        return true;
    }

    private static int occurrences(List<String> words, List<String> phrase) {
        int count = 0;
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                count++;
            }
        }
        return count;
    }

    private static List<String> lowerWords(String text) {
        return words(text.toLowerCase(Locale.ROOT));
    }

    private static List<String> words(String text) {
        return tokens(text).stream().map(w -> w.text).toList();
    }

    private static List<Word> tokens(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            char gap = m.start() > 0 ? text.charAt(m.start() - 1) : '\0';
            words.add(new Word(m.group(), m.start(), m.end(), gap));
        }
        return words;
    }

    private record Word(String text, int start, int end, char gapChar) {
        boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0));
        }

        boolean lowerCase() {
            return Character.isLowerCase(text.codePointAt(0));
        }
    }
}
