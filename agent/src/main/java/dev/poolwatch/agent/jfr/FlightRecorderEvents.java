package dev.poolwatch.agent.jfr;

import dev.poolwatch.agent.bootstrap.PoolLifecycleListener;
import dev.poolwatch.agent.bootstrap.PoolRecord;
import dev.poolwatch.agent.bootstrap.PoolRegistry;
import dev.poolwatch.agent.bootstrap.SubmitAfterShutdown;
import dev.poolwatch.agent.report.SiteFilter;
import jdk.jfr.FlightRecorder;

/**
 * Turns what the registry records into Flight Recorder events while Flight Recorder runs, and costs
 * a JVM that records nothing one cheap check per pool event: no event class loads until Flight
 * Recorder is initialized (by {@code -XX:StartFlightRecording}, {@code jcmd JFR.start}, JDK Mission
 * Control or the program), and then each event is committed only if a recording enables it.
 *
 * <p>Events follow the report's rules: only pools the registry records, and only those whose site
 * the {@code includes} and {@code excludes} options let through.
 */
public final class FlightRecorderEvents implements PoolLifecycleListener {

    private static final String JFR_MODULE = "jdk.jfr";

    private final PoolRegistry registry;
    private final SiteFilter filter;
    private final String version;
    private volatile boolean leakHookAdded;

    private FlightRecorderEvents(PoolRegistry registry, SiteFilter filter, String version) {
        this.registry = registry;
        this.filter = filter;
        this.version = version;
    }

    /**
     * Has the registry tell the events what it records, in a JVM that has the {@code jdk.jfr}
     * module; in one without (a jlinked runtime), does nothing.
     *
     * @param version the agent's version, which the reports built for {@link PoolLeakEvent} carry
     */
    public static void install(PoolRegistry registry, SiteFilter filter, String version) {
        if (ModuleLayer.boot().findModule(JFR_MODULE).isEmpty()) {
            return;
        }
        registry.onLifecycle(new FlightRecorderEvents(registry, filter, version));
    }

    @Override
    public void created(PoolRecord record) {
        if (recorderRuns() && filter.reports(record.creationSite())) {
            PoolCreatedEvent.commitFor(record);
        }
    }

    @Override
    public void shutdown(PoolRecord record, boolean byGarbageCollector) {
        if (recorderRuns() && filter.reports(record.creationSite())) {
            PoolShutdownEvent.commitFor(record, byGarbageCollector);
        }
    }

    @Override
    public void submittedAfterShutdown(SubmitAfterShutdown submit, PoolRecord record) {
        if (recorderRuns() && filter.reports(submit.programSite())) {
            SubmitAfterShutdownEvent.commitFor(submit, record);
        }
    }

    /**
     * Whether Flight Recorder is initialized, a static field's read; the first time it is, adds the
     * leak hook. A recording started later than {@code -XX:StartFlightRecording} gets its
     * {@link PoolLeakEvent}s once the program has created or shut down a pool since.
     */
    private boolean recorderRuns() {
        if (!FlightRecorder.isInitialized()) {
            return false;
        }
        if (!leakHookAdded) {
            addLeakHook();
        }
        return true;
    }

    /**
     * Has Flight Recorder run the {@link PoolLeakHook} at the end of each chunk. Only once it is
     * initialized: adding a periodic event sets up Flight Recorder's metadata.
     */
    private synchronized void addLeakHook() {
        if (leakHookAdded) {
            return;
        }
        leakHookAdded = true; // before adding: a hook Flight Recorder refused is not tried again at every pool event
        FlightRecorder.addPeriodicEvent(PoolLeakEvent.class, new PoolLeakHook(registry, filter, version));
    }
}
