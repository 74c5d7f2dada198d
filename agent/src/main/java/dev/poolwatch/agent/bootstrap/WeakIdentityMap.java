package dev.poolwatch.agent.bootstrap;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A concurrent map from objects, compared by identity and held weakly, to values. Holding a pool
 * strongly would change the program: the JDK shuts down some executors only when they become
 * unreachable.
 */
final class WeakIdentityMap<V> {

    /** A weak key that remembers its referent's identity hash, so it can still be found once cleared. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
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

    private final ConcurrentHashMap<Key, V> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** Associates {@code value} with {@code key} unless it already has a value; returns whether it was added. */
    boolean putIfAbsent(Object key, V value) {
        return entries.putIfAbsent(new Key(key, collected), value) == null;
    }

    V get(Object key) {
        return entries.get(new Key(key, null));
    }

    V remove(Object key) {
        return entries.remove(new Key(key, null));
    }

    /** Drops the entries whose keys were collected, handing each dropped value to {@code onCollected}. */
    void expunge(java.util.function.Consumer<V> onCollected) {
        for (Reference<?> ref; (ref = collected.poll()) != null; ) {
            V value = entries.remove(ref);
            if (value != null) {
                onCollected.accept(value);
            }
        }
    }

    /** Calls {@code action} for every entry whose key is still reachable, with the key held strongly. */
    void forEachLive(BiConsumer<Object, V> action) {
        List<Map.Entry<Key, V>> snapshot = new ArrayList<>(entries.entrySet());
        for (Map.Entry<Key, V> entry : snapshot) {
            Object key = entry.getKey().get();
            if (key != null) {
                action.accept(key, entry.getValue());
            }
        }
    }

    int size() {
        return entries.size();
    }
}
