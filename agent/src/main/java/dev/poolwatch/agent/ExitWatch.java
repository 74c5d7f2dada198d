package dev.poolwatch.agent;

import java.util.ArrayList;
import java.util.List;

import dev.poolwatch.agent.bootstrap.InternalErrors;
import dev.poolwatch.agent.bootstrap.PoolRegistry;
import dev.poolwatch.agent.report.PoolInspector;

/**
 * The JVM that will not exit: checks every {@code exitWatch} whether the only threads keeping the JVM
 * alive (its live non-daemon threads) are the workers of pools the program never shut down: once
 * {@code main} has returned, or later, when a server it left running has stopped. If so, says which
 * pools, where they were created, and what their workers are doing, once; with {@code onHang=exit},
 * then exits with status 3. While {@code main} or any other non-daemon thread runs (a server's), it
 * says nothing, and finds that out without reading a thread's stack or a pool.
 */
final class ExitWatch implements Runnable {

    /** The thread the launcher keeps to wait for the others: never one that keeps the JVM alive. */
    private static final String LAUNCHER_THREAD = "DestroyJavaVM";

    private final Thread main;
    private final PoolRegistry registry;
    private final long periodMillis;
    private final boolean exitOnHang;
    private final Console console;

    private ExitWatch(Thread main, PoolRegistry registry, long periodMillis, boolean exitOnHang, Console console) {
        this.main = main;
        this.registry = registry;
        this.periodMillis = periodMillis;
        this.exitOnHang = exitOnHang;
        this.console = console;
    }

    /** Starts watching {@code main}, unless the option says off. */
    static void start(Thread main, PoolRegistry registry, AgentOptions options, Console console) {
        long periodMillis = options.exitWatchMillis();
        if (periodMillis < 0) {
            return;
        }
        // In the system thread group, with the JDK's own threads: a program that lists its threads sees
        // the same ones with the agent as without it.
        ThreadGroup system = main.getThreadGroup();
        while (system.getParent() != null) {
            system = system.getParent();
        }
        Thread watcher = new Thread(system, new ExitWatch(main, registry, periodMillis, options.exitOnHang(), console),
                "poolwatch-exit-watch");
        watcher.setDaemon(true);
        watcher.setContextClassLoader(null);
        watcher.start();
    }

    @Override
    public void run() {
        try {
            while (true) {
                Thread.sleep(Math.max(periodMillis, 1));
                String keptAliveBy = keptAliveByPoolsAlone();
                if (keptAliveBy != null) {
                    console.print(keptAliveBy);
                    if (exitOnHang) {
                        System.exit(3);
                    }
                    return;
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Throwable error) {
            InternalErrors.record(error);
        }
    }

    /** What to say if the live non-daemon threads are all workers of open pools; {@code null} otherwise. */
    private String keptAliveByPoolsAlone() {
        if (main.isAlive()) {
            return null; // the program runs: the common answer, and the cheapest
        }
        Thread[] live = PoolInspector.liveThreads(); // no stack read: this runs while the program may run on
        List<Thread> keepingAlive = new ArrayList<>();
        for (Thread thread : live) {
            if (thread.isAlive() && !thread.isDaemon() && !thread.getName().equals(LAUNCHER_THREAD)) {
                keepingAlive.add(thread);
            }
        }
        if (keepingAlive.isEmpty()) {
            return null; // the JVM is on its way out
        }
        KeptAliveReport report = new KeptAliveReport();
        for (PoolRegistry.OpenPool open : registry.openPools()) {
            List<Thread> workers = new ArrayList<>();
            for (Thread worker : PoolInspector.workerThreads(open.pool(), live)) {
                if (keepingAlive.remove(worker)) {
                    workers.add(worker);
                }
            }
            if (!workers.isEmpty()) {
                report.add(open.record(), workers);
            }
            if (keepingAlive.isEmpty()) {
                break; // every thread keeping the JVM alive is accounted for
            }
        }
        if (!keepingAlive.isEmpty() || report.isEmpty()) {
            return null; // some other thread keeps it alive too: a server, say
        }
        return report.render(exitOnHang);
    }
}
