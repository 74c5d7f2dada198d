package dev.poolwatch.junit;

import java.util.List;

/** Where the listener learns which pools are open: the agent's registry, or a fake in tests. */
interface PoolSource {

    /** The number of the last pool recorded; pools recorded later get larger numbers. */
    long lastPoolNumber();

    /** The pools recorded after {@code afterNumber} that are still open (never shut down, not collected). */
    List<PoolSeen> openPoolsAfter(long afterNumber);

    /** A new scope: a number unique in the JVM, never 0. */
    long newScope();

    /**
     * Puts the current thread in {@code scope}: the pools it creates, and those created by the threads
     * it constructs from now on (transitively), record it. Returns the thread's scope before, for
     * {@link #leaveScope} on the same thread.
     */
    Object enterScope(long scope);

    /** Gives the current thread back the scope {@link #enterScope} returned. */
    void leaveScope(Object previous);
}
