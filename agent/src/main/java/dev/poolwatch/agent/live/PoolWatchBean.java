package dev.poolwatch.agent.live;

import java.util.Map;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import dev.poolwatch.agent.bootstrap.InternalErrors;
import dev.poolwatch.agent.report.JsonReport;
import dev.poolwatch.agent.report.Leak;
import dev.poolwatch.agent.report.LeakKind;
import dev.poolwatch.agent.report.Report;

/**
 * The MBean: each read builds the report anew, at most once a second, since a console reads every
 * attribute at each refresh. Described attribute by attribute, so that JConsole and VisualVM show
 * what each number counts.
 */
final class PoolWatchBean extends StandardMBean implements PoolWatchMXBean {

    private static final long FRESH_MILLIS = 1000;
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "PoolsCreated", "pools created since poolwatch started watching",
            "OpenPools", "pools alive and never shut down (busy and idle)",
            "OpenBusyPools", "open pools running or holding tasks now",
            "OpenIdlePools", "open pools with nothing to do now",
            "PoolsClosedByGc", "pools the program never shut down, closed or collected by the garbage collector",
            "TasksSubmittedAfterShutdown", "tasks handed to pools after they were shut down",
            "InternalErrors", "poolwatch's own errors, swallowed so the program was not affected",
            "reportText", "the live report as text",
            "reportJson", "the live report as JSON, as in the report file");

    private final InstalledAgent agent;
    private Report report;
    private long builtAtMillis;

    private PoolWatchBean(InstalledAgent agent) {
        super(PoolWatchMXBean.class, true);
        this.agent = agent;
    }

    /** Registers the MBean of {@code agent} in {@code server}, an {@code MBeanServer}. */
    static void register(Object server, InstalledAgent agent) {
        try {
            ((MBeanServer) server).registerMBean(new PoolWatchBean(agent), new ObjectName(JmxRegistration.NAME));
        } catch (InstanceAlreadyExistsException anotherCopy) {
            // another copy of the agent in this JVM registered its own
        } catch (JMException | RuntimeException | LinkageError failure) {
            InternalErrors.record(failure);
        }
    }

    private synchronized Report report() {
        long now = System.currentTimeMillis();
        if (report == null || now - builtAtMillis >= FRESH_MILLIS) {
            report = LiveReport.build(agent);
            builtAtMillis = now;
        }
        return report;
    }

    private int pools(LeakKind kind) {
        int pools = 0;
        for (Leak leak : report().leaks()) {
            if (leak.kind() == kind) {
                pools += leak.count();
            }
        }
        return pools;
    }

    @Override
    public long getPoolsCreated() {
        return agent.registry().poolsCreated();
    }

    @Override
    public int getOpenPools() {
        return getOpenBusyPools() + getOpenIdlePools();
    }

    @Override
    public int getOpenBusyPools() {
        return pools(LeakKind.OPEN_BUSY);
    }

    @Override
    public int getOpenIdlePools() {
        return pools(LeakKind.OPEN_IDLE);
    }

    @Override
    public int getPoolsClosedByGc() {
        return pools(LeakKind.CLOSED_BY_GC);
    }

    @Override
    public int getTasksSubmittedAfterShutdown() {
        return report().submittedAfterShutdown();
    }

    @Override
    public long getInternalErrors() {
        return InternalErrors.count();
    }

    @Override
    public String reportText() {
        return LiveReport.of(agent);
    }

    @Override
    public String reportJson() {
        return JsonReport.render(report());
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return "poolwatch: thread pools never shut down, and tasks submitted to pools after shutdown";
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        return DESCRIPTIONS.getOrDefault(info.getName(), super.getDescription(info));
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return DESCRIPTIONS.getOrDefault(info.getName(), super.getDescription(info));
    }
}
