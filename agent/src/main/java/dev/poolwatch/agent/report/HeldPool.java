package dev.poolwatch.agent.report;

import java.util.List;

/**
 * Pools of one type that a library created in a static initializer and holds for the life of the
 * process, never shut down by design (Guava's {@code JdkFutureAdapters} keeps one): listed apart from
 * the leaks, since the program has no call to make that would close them.
 *
 * @param poolType the pool class
 * @param count how many pools
 * @param library the library's jar, by file name
 * @param holderClass the class whose static initializer created them
 * @param creationSite the frames from the first application frame on (the library's)
 * @param creatingThread the thread that created the first of them
 */
public record HeldPool(String poolType, int count, String library, String holderClass, List<String> creationSite,
        String creatingThread) {
}
