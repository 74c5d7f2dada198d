package dev.poolwatch.agent.jfr;

import dev.poolwatch.agent.bootstrap.InternalErrors;
import dev.poolwatch.agent.bootstrap.PoolRegistry;
import dev.poolwatch.agent.report.Leak;
import dev.poolwatch.agent.report.PoolInspector;
import dev.poolwatch.agent.report.Report;
import dev.poolwatch.agent.report.ReportBuilder;
import dev.poolwatch.agent.report.SiteFilter;

/**
 * Commits a {@link PoolLeakEvent} for each leak the agent's report would show now. Flight Recorder
 * runs it at the end of every chunk, the last one included, which it writes in a shutdown hook of
 * its own: the agent's exit report comes after every shutdown hook, too late for a recording dumped
 * on exit. So a pool that another shutdown hook closes may still show here as open.
 */
final class PoolLeakHook implements Runnable {

    private final PoolRegistry registry;
    private final SiteFilter filter;
    private final String version;

    PoolLeakHook(PoolRegistry registry, SiteFilter filter, String version) {
        this.registry = registry;
        this.filter = filter;
        this.version = version;
    }

    @Override
    public void run() {
        try {
            BuildReport build = new BuildReport();
            // As the agent's own work: pools the JDK makes while the report is built are not the program's.
            registry.runAsAgent(build);
            for (Leak leak : build.report.leaks()) {
                PoolLeakEvent.commitFor(leak);
            }
        } catch (Throwable error) {
            InternalErrors.record(error);
        }
    }

    private final class BuildReport implements Runnable {
        Report report;

        @Override
        public void run() {
            report = new ReportBuilder(filter, new PoolInspector(), version).build(registry);
        }
    }
}
