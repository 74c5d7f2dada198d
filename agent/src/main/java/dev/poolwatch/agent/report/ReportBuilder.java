package dev.poolwatch.agent.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.poolwatch.agent.bootstrap.GcClosedSite;
import dev.poolwatch.agent.bootstrap.InternalErrors;
import dev.poolwatch.agent.bootstrap.PoolRecord;
import dev.poolwatch.agent.bootstrap.PoolRegistry;
import dev.poolwatch.agent.bootstrap.Site;
import dev.poolwatch.agent.bootstrap.SubmitAfterShutdown;

/**
 * Turns what the registry holds into a {@link Report}: drops pools and submits whose first
 * application frame is outside {@code includes}/{@code excludes}, lists apart the open pools that
 * libraries hold for the life of the process, and groups pools by kind, type and creation site so
 * that a pool created per request shows as one site with a count.
 */
public final class ReportBuilder {

    // Named classes rather than lambdas: the report is built while the JVM exits, where every
    // lambda's first use would add its bootstrapping time to the program's.
    private static final Comparator<Leak> MOST_SERIOUS_FIRST = new Comparator<Leak>() {
        @Override
        public int compare(Leak a, Leak b) {
            int byKind = a.kind().compareTo(b.kind());
            return byKind != 0 ? byKind : Integer.compare(b.count(), a.count());
        }
    };

    private static final Comparator<SubmitLeak> MOST_SUBMITS_FIRST = new Comparator<SubmitLeak>() {
        @Override
        public int compare(SubmitLeak a, SubmitLeak b) {
            return Integer.compare(b.count(), a.count());
        }
    };

    private final SiteFilter filter;
    private final PoolInspector inspector;
    private final String version;

    public ReportBuilder(SiteFilter filter, PoolInspector inspector, String version) {
        this.filter = filter;
        this.inspector = inspector;
        this.version = version;
    }

    /** A group being filled: the key is kind, type and trimmed creation site. */
    private static final class Group {
        final LeakKind kind;
        final String poolType;
        final List<String> site;
        final String creatingThread;
        final String poolKind;
        final String closeMethod;
        final String busyProbe;
        final TreeSet<String> threads = new TreeSet<>();
        int count;
        int active;
        int queued;
        int periodic;
        long firstCreatedAtMillis = Long.MAX_VALUE;
        long lastCreatedAtMillis = Long.MIN_VALUE;

        Group(LeakKind kind, String poolType, List<String> site, String creatingThread, String poolKind,
                String closeMethod, String busyProbe) {
            this.kind = kind;
            this.poolType = poolType;
            this.site = site;
            this.creatingThread = creatingThread;
            this.poolKind = poolKind;
            this.closeMethod = closeMethod;
            this.busyProbe = busyProbe;
        }

        Leak toLeak() {
            return new Leak(kind, poolType, count, site, creatingThread, List.copyOf(threads), active, queued,
                    firstCreatedAtMillis, lastCreatedAtMillis, poolKind, closeMethod, busyProbe, periodic);
        }

        void createdAt(long firstMillis, long lastMillis) {
            firstCreatedAtMillis = Math.min(firstCreatedAtMillis, firstMillis);
            lastCreatedAtMillis = Math.max(lastCreatedAtMillis, lastMillis);
        }
    }

    public Report build(PoolRegistry registry) {
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        Filtering filtering = new Filtering();
        Map<List<Object>, HeldGroup> held = new LinkedHashMap<>();
        for (PoolRegistry.OpenPool open : registry.openPools()) {
            PoolRecord record = open.record();
            if (!reported(record)) {
                if (!registry.heldApart(record)) {
                    filtering.leftOut(record.creationSite(), 1, 0); // a leak of the program's, left out
                }
                continue;
            }
            if (registry.heldApart(record)) {
                heldGroup(held, record).count++;
                continue;
            }
            PoolInspector.Activity activity = inspector.inspect(open.pool(), record.busyProbe());
            Group group = group(groups, activity.busy() ? LeakKind.OPEN_BUSY : LeakKind.OPEN_IDLE, record);
            group.count++;
            group.createdAt(record.createdAtMillis(), record.createdAtMillis());
            group.active += activity.active();
            group.queued += activity.queued();
            group.periodic += activity.periodic();
            group.threads.addAll(activity.threads());
        }
        for (GcClosedSite site : registry.gcClosedSites()) {
            if (reported(site.first())) {
                Group group = group(groups, LeakKind.CLOSED_BY_GC, site.first());
                group.count += site.count();
                group.createdAt(site.first().createdAtMillis(), site.lastCreatedAtMillis());
            } else {
                filtering.leftOut(site.first().creationSite(), site.count(), 0);
            }
        }
        List<Leak> leaks = new ArrayList<>();
        for (Group group : groups.values()) {
            leaks.add(group.toLeak());
        }
        leaks.sort(MOST_SERIOUS_FIRST);

        List<SubmitLeak> submits = new ArrayList<>();
        for (SubmitAfterShutdown submit : registry.submitsAfterShutdown()) {
            if (!filter.reports(submit.programSite())) {
                filtering.leftOut(submit.programSite(), 0, submit.count());
                continue;
            }
            submits.add(new SubmitLeak(submit.poolType(), submit.count(), submit.rejected(), submit.handler(),
                    submit.submitSite().frames(), submit.jdkSubmitSite().frames(), submit.submittingThread(),
                    frames(submit.poolCreationSite()), frames(submit.shutdownSite()), submit.shutdownMethod()));
        }
        submits.sort(MOST_SUBMITS_FIRST);

        List<HeldPool> heldPools = new ArrayList<>();
        for (HeldGroup group : held.values()) {
            heldPools.add(group.toHeldPool());
        }

        return new Report(version, System.getProperty("java.version"),
                registry.poolsCreated(), leaks, submits, heldPools, InternalErrors.count(), InternalErrors.first(),
                registry.droppedSites(), registry.recordCount(), filtering.result());
    }

    /** Pools a library holds for the life of the process, of one type and creation site. */
    private static final class HeldGroup {
        final PoolRecord first;
        int count;

        HeldGroup(PoolRecord first) {
            this.first = first;
        }

        HeldPool toHeldPool() {
            return new HeldPool(first.poolType(), count, first.libraryHolder().library(),
                    first.libraryHolder().className(), first.creationSite().frames(), first.creatingThread());
        }
    }

    private static HeldGroup heldGroup(Map<List<Object>, HeldGroup> groups, PoolRecord record) {
        List<Object> key = List.of(record.poolType(), record.creationSite().frames());
        HeldGroup group = groups.get(key);
        if (group == null) {
            group = new HeldGroup(record);
            groups.put(key, group);
        }
        return group;
    }

    /**
     * Counts what the filter left out. A site with no application frame (a runner's, the JDK's) is
     * not the program's at all and is not counted.
     */
    private static final class Filtering {
        private int pools;
        private int tasks;
        private String firstClass;

        void leftOut(Site site, int poolCount, int taskCount) {
            String applicationClass = site.firstApplicationClass();
            if (applicationClass == null) {
                return;
            }
            pools += poolCount;
            tasks += taskCount;
            if (firstClass == null) {
                firstClass = applicationClass;
            }
        }

        Report.FilteredOut result() {
            return firstClass == null ? Report.FilteredOut.NOTHING : new Report.FilteredOut(pools, tasks, firstClass);
        }
    }

    private Group group(Map<List<Object>, Group> groups, LeakKind kind, PoolRecord record) {
        List<String> site = record.creationSite().frames();
        List<Object> key = List.of(kind, record.poolType(), site);
        Group group = groups.get(key);
        if (group == null) {
            group = new Group(kind, record.poolType(), site, record.creatingThread(), record.poolKind(),
                    record.closeMethod(), record.busyProbe());
            groups.put(key, group);
        }
        return group;
    }

    private static List<String> frames(Site site) {
        return site == null ? List.of() : site.frames();
    }

    private boolean reported(PoolRecord record) {
        return filter.reports(record.creationSite());
    }
}
