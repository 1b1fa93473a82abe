package io.github.geodispatch.customer;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pcollections.OrderedPMap;

/**
 * An immutable map in insertion order whose {@link #plus} shares all but the changed entry with this one, so a
 * state holding thousands of entries changes in logarithmic time. A read-only view of PCollections' ordered map
 * that answers {@link #containsKey} by lookup (that map's own walks its entries). No null keys or values.
 */
final class PersistentMap<K, V> extends AbstractMap<K, V> {
    private static final PersistentMap<?, ?> EMPTY = new PersistentMap<>(OrderedPMap.empty());
    private final OrderedPMap<K, V> map;

    private PersistentMap(OrderedPMap<K, V> map) {
        this.map = map;
    }

    @SuppressWarnings("unchecked")
    static <K, V> PersistentMap<K, V> empty() {
        return (PersistentMap<K, V>) EMPTY;
    }

    /** This map with {@code key} mapped to {@code value}: a new key goes last, a known one keeps its place. */
    PersistentMap<K, V> plus(K key, V value) {
        return new PersistentMap<>(map.plus(Objects.requireNonNull(key), Objects.requireNonNull(value)));
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.get(key) != null;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return map.entrySet();
    }
}
