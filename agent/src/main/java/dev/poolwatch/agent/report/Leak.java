package dev.poolwatch.agent.report;

import java.util.List;

/**
 * Pools of one type, created at one site, that leaked the same way: a pool created per request
 * shows as one leak with a count.
 *
 * @param kind how they leaked
 * @param poolType the pool class
 * @param count how many pools
 * @param creationSite the frames from the first application frame on
 * @param creatingThread the thread that created the first of them
 * @param threads the live worker threads of all of them
 * @param active tasks running in all of them at exit
 * @param queued tasks waiting in all of them at exit
 * @param firstCreatedAtMillis when the first of them was created
 * @param lastCreatedAtMillis when the last of them was created
 * @param poolKind the library kind of the pool ({@code netty}), or {@code null} for the JDK's pools
 * @param closeMethod the method that closes a library's pool, or {@code null} for the JDK's pools
 * @param busyProbe the getters that counted a library pool's {@code active}, or {@code null} where nothing did
 * @param periodic periodic tasks scheduled in all of them at exit: their schedules, not counted in {@code queued}
 */
public record Leak(LeakKind kind, String poolType, int count, List<String> creationSite, String creatingThread,
        List<String> threads, int active, int queued, long firstCreatedAtMillis, long lastCreatedAtMillis,
        String poolKind, String closeMethod, String busyProbe, int periodic) {

    /** Pools with no periodic task scheduled. */
    public Leak(LeakKind kind, String poolType, int count, List<String> creationSite, String creatingThread,
            List<String> threads, int active, int queued, long firstCreatedAtMillis, long lastCreatedAtMillis,
            String poolKind, String closeMethod, String busyProbe) {
        this(kind, poolType, count, creationSite, creatingThread, threads, active, queued, firstCreatedAtMillis,
                lastCreatedAtMillis, poolKind, closeMethod, busyProbe, 0);
    }

    /** What to do about it: the kind's advice, with a library pool's own close method. */
    public String fix() {
        if (closeMethod == null) {
            return kind.fix();
        }
        return "call " + closeMethod + "() when done with it (a finally block, or where the program stops)";
    }
}
