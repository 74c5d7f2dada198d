package dev.poolwatch.agent.bootstrap;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map from objects, compared by identity and held weakly, to values. Holding a pool
 * strongly would change the program: the JDK shuts down some executors only when they become
 * unreachable.
 *
 * <p>The map does not notice collected keys itself: {@link #putIfAbsent} hands back the entry's key,
 * and whoever learns that its object was collected removes the entry with {@link #removeEntry}.
 */
final class WeakIdentityMap<V> {

    /** A weak key that remembers its referent's identity hash, so it can still be found once cleared. */
    static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent) {
            super(referent);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            if (!(other instanceof Key)) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == ((Key) other).get();
        }
    }

    /** A live key and its value, taken together so the key stays reachable while it is used. */
    static final class LiveEntry<V> {
        final Object key;
        final V value;

        LiveEntry(Object key, V value) {
            this.key = key;
            this.value = value;
        }
    }

    private final ConcurrentHashMap<Key, V> entries = new ConcurrentHashMap<>();

    /**
     * Associates {@code value} with {@code key} unless it already has a value.
     *
     * @return the entry's key, to remove it once {@code key} is collected; {@code null} if not added
     */
    Key putIfAbsent(Object key, V value) {
        Key entryKey = new Key(key);
        return entries.putIfAbsent(entryKey, value) == null ? entryKey : null;
    }

    V get(Object key) {
        return entries.get(new Key(key));
    }

    V remove(Object key) {
        return entries.remove(new Key(key));
    }

    /** The value of the entry {@link #putIfAbsent} added, whether or not its object was collected. */
    V valueOf(Key entryKey) {
        return entries.get(entryKey);
    }

    /** Removes the entry {@link #putIfAbsent} added, whether or not its object was collected. */
    V removeEntry(Key entryKey) {
        return entries.remove(entryKey);
    }

    /** The entries whose keys are still reachable, with the keys held strongly. */
    List<LiveEntry<V>> liveEntries() {
        List<LiveEntry<V>> live = new ArrayList<>();
        for (Map.Entry<Key, V> entry : entries.entrySet()) {
            Object key = entry.getKey().get();
            if (key != null) {
                live.add(new LiveEntry<>(key, entry.getValue()));
            }
        }
        return live;
    }

    int size() {
        return entries.size();
    }
}
