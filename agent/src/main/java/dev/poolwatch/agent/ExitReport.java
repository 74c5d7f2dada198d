package dev.poolwatch.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import dev.poolwatch.agent.bootstrap.InternalErrors;
import dev.poolwatch.agent.bootstrap.JvmExit;
import dev.poolwatch.agent.bootstrap.PoolRegistry;
import dev.poolwatch.agent.report.JsonReport;
import dev.poolwatch.agent.report.PoolInspector;
import dev.poolwatch.agent.report.Report;
import dev.poolwatch.agent.report.ReportBuilder;
import dev.poolwatch.agent.report.ReportFile;
import dev.poolwatch.agent.report.SiteFilter;
import dev.poolwatch.agent.report.TextReport;

/**
 * Builds and writes the report once, as the JVM exits: text to stderr, JSON to the {@code report}
 * file, then applies {@code failOnLeak}. Runs on the exiting thread, so it starts no thread of its
 * own; it clears a pending interrupt while it writes (an interrupted thread would close the file
 * channel under it) and restores it after. It never throws: the program's exit must go on.
 */
final class ExitReport {

    private final AgentOptions options;
    private final PoolRegistry registry;
    private final String version;
    private final Path jsonPath;
    private boolean done;

    ExitReport(AgentOptions options, PoolRegistry registry, String version) {
        this.options = options;
        this.registry = registry;
        this.version = version;
        this.jsonPath = options.reportPath() == null ? null : Paths.get(options.reportPath()).toAbsolutePath();
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

    /** For {@link JvmExit}: what to do when an exit call will block forever. */
    Runnable whenExitBlocksForever() {
        return new Runnable() {
            @Override
            public void run() {
                reportBecauseExitBlocksForever();
            }
        };
    }

    /**
     * A shutdown hook called {@code System.exit} while the JVM was already exiting: the JDK blocks
     * that call forever, so the normal path will never come. Report now, and say why.
     */
    private void reportBecauseExitBlocksForever() {
        System.err.println("poolwatch: System.exit was called in thread \"" + Thread.currentThread().getName()
                + "\" while the JVM was already running its shutdown hooks; the JDK blocks that call forever,"
                + " so the JVM will not finish exiting. Reporting now.");
        report(true);
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
                    System.err.println(TextReport.noneLeaked(registry.poolsCreated()));
                    System.err.flush();
                }
                return;
            }
            BuildReport build = new BuildReport();
            registry.runAsAgent(build);
            Report report = build.report;
            System.err.print(TextReport.render(report, options.quiet()));
            System.err.flush();
            if (jsonPath != null) {
                writeJson(report);
            }
            if (!exitBlocks && options.failOnLeak() && report.hasFindings() && exitStatusWouldBeZero()) {
                System.err.println("poolwatch: failOnLeak=true and leaks were found: exit status "
                        + AgentOptions.LEAK_EXIT_STATUS);
                System.err.flush();
                Runtime.getRuntime().halt(AgentOptions.LEAK_EXIT_STATUS);
            }
        } catch (Throwable error) {
            System.err.println("poolwatch: could not write the exit report: " + error);
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
        return jsonPath == null && registry.openPools().isEmpty() && registry.gcClosedSites().isEmpty()
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
        try {
            ReportFile.write(jsonPath, JsonReport.render(report));
        } catch (IOException | RuntimeException failure) {
            System.err.println("poolwatch: could not write the JSON report to " + jsonPath + ": " + failure);
        }
    }

    private static boolean exitStatusWouldBeZero() {
        Integer status = JvmExit.status();
        if (status != null) {
            return status == 0;
        }
        return !MainThreadOutcome.diedOfException();
    }
}
