package io.gazette.search;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The related lists of one search as a map of url → related urls, made from the numbered lists of
 * a {@link RelatedState} without a map: a build resolves them to its articles by number
 * ({@link #url}, {@link #listSize}, {@link #entry}), where a map of 100,000 lists was made (mapped
 * in 35-70 ms) and then each of its 500,000 urls looked up again by url (0.5 s of a 100,000-article
 * build that changed nothing). As a {@link Map} (a preview session's later searches compare the lists
 * by url) it is made on first use, the same entries in the same order as before: newest first.
 */
public final class RelatedLists extends AbstractMap<String, List<String>> {
    private final String[] urls;
    private final int[] lists;
    private final int[] listSizes;
    private final int count;
    private Map<String, List<String>> mapped;

    private RelatedLists(String[] urls, int[] lists, int[] listSizes, int count) {
        this.urls = urls;
        this.lists = lists;
        this.listSizes = listSizes;
        this.count = count;
    }

    /** The lists of {@code state} (its arrays are never changed: an update makes new ones). */
    static RelatedLists of(RelatedState state) {
        return new RelatedLists(state.urls, state.lists, state.listSizes, state.count);
    }

    /** How many articles have a list (each article of the index, one list each, maybe empty). */
    public int articles() {
        return urls.length;
    }

    /** The url of article {@code d} (numbered as {@link DocNumbering} numbers the index). */
    public String url(int d) {
        return urls[d];
    }

    /** How many articles article {@code d}'s list names. */
    public int listSize(int d) {
        return listSizes[d];
    }

    /** The number of the {@code k}th article of article {@code d}'s list. */
    public int entry(int d, int k) {
        return lists[d * count + k];
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return mapped().entrySet();
    }

    @Override
    public List<String> get(Object url) {
        return mapped().get(url);
    }

    @Override
    public boolean containsKey(Object url) {
        return mapped().containsKey(url);
    }

    @Override
    public int size() {
        return urls.length;
    }

    private synchronized Map<String, List<String>> mapped() {
        if (mapped == null) {
            Map<String, List<String>> related = new LinkedHashMap<>();
            for (int d = urls.length - 1; d >= 0; d--) {
                String[] urlsOf = new String[listSizes[d]];
                for (int i = 0; i < listSizes[d]; i++) {
                    urlsOf[i] = urls[lists[d * count + i]];
                }
                related.put(urls[d], List.of(urlsOf));
            }
            mapped = Collections.unmodifiableMap(related);
        }
        return mapped;
    }
}
