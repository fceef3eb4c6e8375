package io.gazette.build;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An unmodifiable map made from another by replacing a few keys, in proportion to those keys: a
 * new map shares the old one's base and carries its own small layer on top, until the layer
 * grows past an eighth of the base and the two are merged again. The preview's related lists at
 * 100,000 articles: a save changes a handful of them, and copying the whole map cost more than
 * rendering the saved page.
 */
final class LayeredMap<K, V> extends AbstractMap<K, V> {
    /** Marks a key of the base the layer removes. */
    private static final Object GONE = new Object();

    private final Map<K, V> base;
    /** Key → its value, or {@link #GONE}. */
    private final Map<K, Object> layer;
    private final int size;

    private LayeredMap(Map<K, V> base, Map<K, Object> layer, int size) {
        this.base = base;
        this.layer = layer;
        this.size = size;
    }

    static <K, V> LayeredMap<K, V> of(Map<K, V> entries) {
        Map<K, V> copy = Map.copyOf(entries);
        return new LayeredMap<>(copy, Map.of(), copy.size());
    }

    /**
     * This map with each key of {@code keys} set to its value in {@code values}, or removed when
     * {@code values} has none.
     */
    LayeredMap<K, V> with(Map<K, V> values, Collection<K> keys) {
        Map<K, Object> next = new HashMap<>(layer);
        int nextSize = size;
        for (K key : keys) {
            boolean had = containsKey(key);
            V value = values.get(key);
            if (value == null) {
                if (had) {
                    nextSize--;
                }
                if (base.containsKey(key)) {
                    next.put(key, GONE);
                } else {
                    next.remove(key);
                }
            } else {
                if (!had) {
                    nextSize++;
                }
                next.put(key, value);
            }
        }
        if (next.size() > base.size() / 8 + 64) {
            Map<K, V> all = new HashMap<>(nextSize * 2);
            LayeredMap<K, V> merged = new LayeredMap<>(base, next, nextSize);
            merged.forEach(all::put);
            return of(all);
        }
        return new LayeredMap<>(base, Map.copyOf(next), nextSize);
    }

    @Override
    public V get(Object key) {
        Object value = layer.get(key);
        if (value == GONE) {
            return null;
        }
        if (value != null) {
            @SuppressWarnings("unchecked")
            V v = (V) value;
            return v;
        }
        return base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public V getOrDefault(Object key, V fallback) {
        V value = get(key);
        return value == null ? fallback : value;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                Stream<Entry<K, V>> fromBase = base.entrySet().stream().filter(e -> !layer.containsKey(e.getKey()));
                @SuppressWarnings("unchecked")
                Stream<Entry<K, V>> fromLayer = layer.entrySet().stream().filter(e -> e.getValue() != GONE)
                        .map(e -> (Entry<K, V>) new SimpleImmutableEntry<>(e.getKey(), (V) e.getValue()));
                return Stream.concat(fromBase, fromLayer).iterator();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
