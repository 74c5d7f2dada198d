package dev.poolwatch.agent;

import java.util.ArrayList;
import java.util.List;

import dev.poolwatch.agent.bootstrap.InternalErrors;
import dev.poolwatch.agent.bootstrap.PoolRegistry;
import dev.poolwatch.agent.report.PoolInspector;

/**
 * The JVM that will not exit: once {@code main} has returned, checks every {@code exitWatch} whether
 * the only threads keeping the JVM alive (its live non-daemon threads) are the workers of pools the
 * program never shut down. If so, says which pools, where they were created, and what their workers
 * are doing, once; with {@code onHang=exit}, then exits with status 3. While any other non-daemon
 * thread runs (a server's), it says nothing.
 */
final class ExitWatch implements Runnable {

    private static final int FRAMES_SHOWN = 3;
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
            main.join();
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
        StringBuilder text = new StringBuilder();
        int pools = 0;
        for (PoolRegistry.OpenPool open : registry.openPools()) {
            List<Thread> workers = new ArrayList<>();
            for (Thread worker : PoolInspector.workerThreads(open.pool(), live)) {
                if (keepingAlive.remove(worker)) {
                    workers.add(worker);
                }
            }
            if (!workers.isEmpty()) {
                pools++;
                describe(text, open, workers);
            }
        }
        if (!keepingAlive.isEmpty() || pools == 0) {
            return null; // some other thread keeps it alive too: a server, say
        }
        return "poolwatch: main returned " + periodMillis + " ms ago or more, and the JVM is kept alive by "
                + (pools == 1 ? "1 pool" : pools + " pools") + " never shut down, whose threads are not daemons:\n"
                + text + (exitOnHang ? "poolwatch: onHang=exit, so this JVM exits with status 3\n"
                        : "poolwatch: shut them down when done, or run with onHang=exit to fail fast in CI\n");
    }

    private static void describe(StringBuilder text, PoolRegistry.OpenPool open, List<Thread> workers) {
        text.append("  ").append(open.record().poolType()).append(" created by thread \"")
                .append(open.record().creatingThread()).append("\" at:\n");
        for (String frame : open.record().creationSite().frames()) {
            text.append("      at ").append(frame).append('\n');
        }
        for (Thread worker : workers) {
            text.append("    worker \"").append(worker.getName()).append("\" (").append(worker.getState()).append(")\n");
            StackTraceElement[] stack = worker.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES_SHOWN, stack.length); i++) {
                text.append("        at ").append(stack[i]).append('\n');
            }
        }
    }
}
