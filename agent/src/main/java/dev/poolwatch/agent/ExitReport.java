package dev.poolwatch.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import dev.poolwatch.agent.bootstrap.InternalErrors;
import dev.poolwatch.agent.bootstrap.JvmExit;
import dev.poolwatch.agent.bootstrap.PoolRegistry;
import dev.poolwatch.agent.report.JsonReport;
import dev.poolwatch.agent.report.Leak;
import dev.poolwatch.agent.report.PoolInspector;
import dev.poolwatch.agent.report.Report;
import dev.poolwatch.agent.report.ReportBuilder;
import dev.poolwatch.agent.report.ReportFile;
import dev.poolwatch.agent.report.SiteFilter;
import dev.poolwatch.agent.report.SubmitLeak;
import dev.poolwatch.agent.report.TextReport;

/**
 * Builds and writes the report once, as the JVM exits: JSON to the {@code report} file first, then
 * text to the process's standard error, then applies {@code failOnLeak}. The file comes first
 * because writing text to a pipe nobody drains can block for ever, and the file must exist by then.
 *
 * <p>Runs on the exiting thread, so it starts no thread of its own; it clears a pending interrupt
 * while it writes (an interrupted thread would close the file channel under it) and restores it
 * after. It never throws: the program's exit must go on.
 */
final class ExitReport {

    /** At most this many sites of each kind are named in the {@code failOnLeak} line; the report has them all. */
    private static final int SITES_NAMED = 3;

    private final AgentOptions options;
    private final PoolRegistry registry;
    private final String version;
    private final Console console;
    private final List<String> couldNotCheck = new ArrayList<>();
    private boolean done;

    ExitReport(AgentOptions options, PoolRegistry registry, String version, Console console) {
        this.options = options;
        this.registry = registry;
        this.version = version;
        this.console = console;
    }

    /** Records why the check is incomplete; {@code failOnLeak} fails the run for it at exit. */
    synchronized void couldNotCheck(String reason) {
        couldNotCheck.add(reason);
    }

    /** The normal path: the last shutdown slot, after every application hook. */
    Runnable atExit() {
        return new Runnable() {
            @Override
            public void run() {
                report(false);
            }
        };
    }

    /** For {@link JvmExit}: what to do when {@code System.exit} is called while the JVM already exits. */
    Runnable onExitDuringShutdown() {
        return new Runnable() {
            @Override
            public void run() {
                exitDuringShutdown();
            }
        };
    }

    /**
     * {@code System.exit} was called while the JVM was already running its shutdown hooks. The call
     * blocks for ever, as the JDK specifies. If it was made by a thread that is not a shutdown hook,
     * the JVM still finishes exiting, and the report comes as usual, after the hooks: this thread
     * only waits for it. If it was made by a shutdown hook, the JVM waits for that hook for ever and
     * the normal report never comes: report now, and say why.
     */
    private void exitDuringShutdown() {
        boolean interrupted = false;
        while (!isDone()) {
            if (ShutdownHooks.isAwaited(Thread.currentThread())) {
                console.println("poolwatch: System.exit was called in shutdown hook \"" + Thread.currentThread().getName()
                        + "\"; the JDK blocks that call for ever, so the JVM will not finish exiting. Reporting now.");
                report(true);
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException ignored) {
                interrupted = true; // the JDK's own exit call would not be interrupted either
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean isDone() {
        return done;
    }

    private void report(boolean exitBlocks) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        boolean interrupted = Thread.interrupted();
        try {
            if (isCleanWithoutJson()) {
                if (!options.quiet()) {
                    console.println(TextReport.noneLeaked(registry.poolsCreated()));
                }
                failIfAsked(exitBlocks, null);
                return;
            }
            BuildReport build = new BuildReport();
            registry.runAsAgent(build);
            Report report = build.report;
            if (options.reportPath() != null) {
                writeJson(report);
            }
            console.print(TextReport.render(report, options.quiet()));
            failIfAsked(exitBlocks, report);
        } catch (Throwable error) {
            console.println("poolwatch: could not write the exit report: " + error);
            couldNotCheck("the exit report could not be written (" + error + ")");
            failIfAsked(exitBlocks, null);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether there is nothing to report and no JSON to write: the common case in CI, told in one
     * line without loading the classes that build a report.
     */
    private boolean isCleanWithoutJson() {
        return options.reportPath() == null && registry.openPools().isEmpty() && registry.gcClosedSites().isEmpty()
                && registry.submitsAfterShutdown().isEmpty() && InternalErrors.count() == 0;
    }

    /** Builds the report as the agent's own work, so pools the JDK makes meanwhile are not counted. */
    private final class BuildReport implements Runnable {
        Report report;

        @Override
        public void run() {
            // Built only now: its classes need not load while the program starts.
            report = new ReportBuilder(new SiteFilter(options.includes(), options.excludes()),
                    new PoolInspector(), version).build(registry);
        }
    }

    private void writeJson(Report report) {
        Path path = null;
        try {
            path = Paths.get(options.reportPathFor(options.reportPathNamesProcess() ? ProcessHandle.current().pid() : 0))
                    .toAbsolutePath();
            ReportFile.write(path, JsonReport.render(report));
        } catch (IOException | RuntimeException failure) {
            console.println("poolwatch: could not write the JSON report to " + (path == null ? options.reportPath() : path)
                    + ": " + failure);
            couldNotCheck("the JSON report could not be written");
        }
    }

    /**
     * {@code failOnLeak=true}: ends a JVM that would exit with status 0 with
     * {@link AgentOptions#LEAK_EXIT_STATUS} when something was found or could not be checked, and
     * says why in a line that names the leaks, since a build tool may show only a fork's exit status.
     *
     * @param report the report, or {@code null} when none was built
     */
    private void failIfAsked(boolean exitBlocks, Report report) {
        if (exitBlocks || !options.failOnLeak() || !exitStatusWouldBeZero()) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        if (report != null && report.hasFindings()) {
            reasons.add(findings(report));
        }
        if (InternalErrors.count() > 0) {
            reasons.add(InternalErrors.count() + " internal error(s) of the agent, so pools may have been missed");
        }
        synchronized (this) {
            reasons.addAll(couldNotCheck);
        }
        if (reasons.isEmpty()) {
            return;
        }
        console.println("poolwatch: failOnLeak=true, so this JVM exits with status " + AgentOptions.LEAK_EXIT_STATUS
                + " instead of 0: " + String.join("; ", reasons) + " (a test runner may call this a crashed fork)");
        Runtime.getRuntime().halt(AgentOptions.LEAK_EXIT_STATUS);
    }

    /** The findings, counted and named: the first few sites of each kind. */
    private static String findings(Report report) {
        List<String> parts = new ArrayList<>();
        if (report.leakedPools() > 0) {
            List<String> sites = new ArrayList<>();
            for (Leak leak : report.leaks()) {
                sites.add(leak.kind() + " " + simpleName(leak.poolType()) + " created at " + firstFrame(leak.creationSite()));
            }
            parts.add(report.leakedPools() + (report.leakedPools() == 1 ? " leaked pool (" : " leaked pools (")
                    + named(sites) + ")");
        }
        if (report.submittedAfterShutdown() > 0) {
            List<String> sites = new ArrayList<>();
            for (SubmitLeak submit : report.submits()) {
                sites.add(submit.submittedByJdkCode() ? "by JDK code to the pool created at " + submit.programFrame()
                        : "at " + firstFrame(submit.submitSite()));
            }
            parts.add(report.submittedAfterShutdown() + (report.submittedAfterShutdown() == 1 ? " task" : " tasks")
                    + " submitted after shutdown (" + named(sites) + ")");
        }
        return String.join("; ", parts);
    }

    private static String named(List<String> sites) {
        String first = String.join(", ", sites.subList(0, Math.min(SITES_NAMED, sites.size())));
        return sites.size() > SITES_NAMED ? first + " and " + (sites.size() - SITES_NAMED) + " more sites" : first;
    }

    private static String firstFrame(List<String> site) {
        return site.isEmpty() ? "(an unknown site)" : site.get(0);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static boolean exitStatusWouldBeZero() {
        Integer status = JvmExit.status();
        if (status != null) {
            return status == 0;
        }
        return !MainThreadOutcome.diedOfException();
    }
}
