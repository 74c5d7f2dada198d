package dev.poolwatch.agent.bootstrap;

import java.lang.ref.Cleaner;
import java.util.function.Consumer;

/**
 * The entry points woven into pool classes: the only methods JDK code calls. Each does the least it
 * can, never throws into the program (an error is counted in {@link InternalErrors}), and does
 * nothing until the agent has installed the registry.
 */
public final class PoolEvents {

    private static volatile PoolRegistry registry;
    private static volatile Consumer<Object> platformMBeanServerListener;

    private PoolEvents() {
    }

    /**
     * Installs the registry once per JVM, whichever way the agent arrives (two {@code -javaagent}
     * flags, or a flag and an attach).
     *
     * @param cleaner runs the action that forgets a pool once it is collected
     * @param stackDepth how many frames after the first application frame each site keeps
     * @return the new registry, or {@code null} if one was installed already
     */
    public static synchronized PoolRegistry install(Cleaner cleaner, int stackDepth) {
        if (registry != null) {
            return null;
        }
        registry = new PoolRegistry(cleaner, stackDepth);
        return registry;
    }

    /** The installed registry, or {@code null} while the agent is not watching this JVM. */
    static PoolRegistry registry() {
        return registry;
    }

    /** Woven before every return of a pool constructor. */
    public static void created(Object pool) {
        PoolRegistry current = registry;
        if (current == null) {
            return;
        }
        try {
            current.created(pool);
        } catch (Throwable error) {
            InternalErrors.record(error);
        }
    }

    /**
     * Woven before every return of a watched library pool's constructors, with the
     * pool's kind ({@code netty}), the method that closes it ({@code shutdownGracefully}) and its busy
     * probe (an empty string for none).
     */
    public static void libraryPoolCreated(Object pool, String kind, String closeMethod, String busyProbe) {
        PoolRegistry current = registry;
        if (current == null) {
            return;
        }
        try {
            current.createdLibraryPool(pool, kind, closeMethod, busyProbe.isEmpty() ? null : busyProbe);
        } catch (Throwable error) {
            InternalErrors.record(error);
        }
    }

    /** Woven at the entry of every method that shuts a pool down. */
    public static void shutdown(Object pool, String method) {
        PoolRegistry current = registry;
        if (current == null) {
            return;
        }
        try {
            current.shutdown(pool, method);
        } catch (Throwable error) {
            InternalErrors.record(error);
        }
    }

    /** Woven at the entry of a pool's rejection path, which every rejection policy goes through. */
    public static void rejected(Object pool) {
        PoolRegistry current = registry;
        if (current == null) {
            return;
        }
        try {
            current.rejected(pool);
        } catch (Throwable error) {
            InternalErrors.record(error);
        }
    }

    /**
     * Woven at the entry of the method that starts a pool's worker thread: a pool that never reached
     * it held no thread and lost no task.
     */
    public static void startingWorker(Object pool) {
        PoolRegistry current = registry;
        if (current == null) {
            return;
        }
        try {
            current.startingWorker(pool);
        } catch (Throwable error) {
            InternalErrors.record(error);
        }
    }

    /**
     * Woven into a handler around the submitting methods of pools that reject by throwing; called
     * once per method the exception passes through on its way out.
     */
    public static void rejectedThrowing(Object pool, Throwable rejection) {
        PoolRegistry current = registry;
        if (current == null) {
            return;
        }
        try {
            current.rejectedThrowing(pool, rejection);
        } catch (Throwable error) {
            InternalErrors.record(error);
        }
    }

    /**
     * Hands {@code listener} every platform MBean server {@code ManagementFactory} returns, from the
     * first one created on; it is called while that method holds its class's lock, and must not throw.
     */
    public static void onPlatformMBeanServer(Consumer<Object> listener) {
        platformMBeanServerListener = listener;
    }

    /** Woven before the return of {@code ManagementFactory.getPlatformMBeanServer()}, with the server it returns. */
    public static void platformMBeanServer(Object server) {
        Consumer<Object> listener = platformMBeanServerListener;
        if (listener == null) {
            return;
        }
        try {
            listener.accept(server);
        } catch (Throwable error) {
            InternalErrors.record(error);
        }
    }

    /** Woven at the entry of {@code java.lang.Shutdown.exit(int)}, which every exit with a status goes through. */
    public static void exiting(int status) {
        try {
            JvmExit.exiting(status);
        } catch (Throwable error) {
            InternalErrors.record(error);
        }
    }
}
