package dev.poolwatch.agent.bootstrap;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the distinct sites an aggregate had no room for. A site is remembered by a 64-bit hash of
 * its key, not the key, so that counting stays small; past {@link #MAX_COUNTED} sites the count
 * stops growing and reads as "at least".
 */
final class DroppedSites {

    /** The most distinct dropped sites counted. */
    static final int MAX_COUNTED = 10_000;

    private final Set<Long> hashes = ConcurrentHashMap.newKeySet();

    void add(String key) {
        if (hashes.size() < MAX_COUNTED) {
            hashes.add(hash(key));
        }
    }

    int count() {
        return hashes.size();
    }

    /** FNV-1a over the key's characters: collisions among ten thousand keys are negligible at 64 bits. */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
