package dev.poolwatch.junit;

import java.util.List;

/** Where the listener learns which pools are open: the agent's registry, or a fake in tests. */
interface PoolSource {

    /** The number of the last pool recorded; pools recorded later get larger numbers. */
    long lastPoolNumber();

    /** The pools recorded after {@code afterNumber} that are still open (never shut down, not collected). */
    List<PoolSeen> openPoolsAfter(long afterNumber);
}
