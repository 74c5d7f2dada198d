package dev.poolwatch.agent.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.poolwatch.agent.AgentOptions;
import dev.poolwatch.agent.bootstrap.PoolRegistry;
import dev.poolwatch.agent.report.Moment;
import dev.poolwatch.agent.report.PoolInspector;
import dev.poolwatch.agent.report.Report;
import dev.poolwatch.agent.report.ReportBuilder;
import dev.poolwatch.agent.report.SiteFilter;
import dev.poolwatch.agent.report.TextReport;
import dev.poolwatch.agent.report.UnrecordedPools;

/**
 * The report of a JVM that is still running, as an attach prints it: the pools the agent recorded,
 * open now, with where they were created; then the pools it has no record of, found from their
 * worker threads, with what those threads do.
 */
public final class LiveReport {

    private static final int TASK_FRAMES_SHOWN = 6;
    private static final int NAMES_SHOWN = 8;

    private LiveReport() {
    }

    /** The live report as text, as an attach prints it. */
    public static String of(InstalledAgent agent) {
        PoolRegistry registry = agent.registry();
        Build build = new Build(agent);
        registry.runAsAgent(build);
        StringBuilder text = new StringBuilder();
        text.append("poolwatch ").append(agent.version()).append(": live report of JVM ").append(ProcessHandle.current().pid())
                .append(mainOf(System.getProperty("sun.java.command"))).append(" at ")
                .append(TextReport.timeOfDay(System.currentTimeMillis())).append(" UTC; watching pools created since ")
                .append(agent.startedWithJvm() ? "the JVM started" : "it attached at " + TextReport.timeOfDay(agent.sinceMillis()) + " UTC")
                .append('\n');
        text.append(TextReport.render(build.report, false, Moment.NOW));
        appendUnrecorded(text, build.unrecorded, agent.startedWithJvm());
        return text.toString();
    }

    /** What the agent found so far, as read now: the counts and the JSON of the MBean. */
    public static Report build(InstalledAgent agent) {
        Build build = new Build(agent);
        agent.registry().runAsAgent(build);
        return build.report;
    }

    /** Builds the report and finds the unrecorded pools as the agent's own work: pools the JDK makes meanwhile are not counted. */
    private static final class Build implements Runnable {
        private final InstalledAgent agent;
        Report report;
        List<UnrecordedPools.Found> unrecorded;

        Build(InstalledAgent agent) {
            this.agent = agent;
        }

        @Override
        public void run() {
            AgentOptions options = agent.options();
            report = new ReportBuilder(new SiteFilter(options.includes(), options.excludes()), new PoolInspector(),
                    agent.version()).build(agent.registry());
            unrecorded = UnrecordedPools.find(PoolInspector.liveThreads(), new Recorded(agent.registry()));
        }
    }

    private static final class Recorded implements Predicate<Object> {
        private final PoolRegistry registry;

        Recorded(PoolRegistry registry) {
            this.registry = registry;
        }

        @Override
        public boolean test(Object pool) {
            return registry.isRecorded(pool);
        }
    }

    /**
     * Pools with a worker at work one by one, with what it runs; idle pools grouped by type and thread
     * names, since a pool created per request and never shut down leaves hundreds alike.
     */
    private static void appendUnrecorded(StringBuilder text, List<UnrecordedPools.Found> found, boolean startedWithJvm) {
        if (found.isEmpty()) {
            return;
        }
        text.append('\n').append(found.size()).append(found.size() == 1 ? " pool" : " pools")
                .append(" found from their worker threads, not recorded by the agent (created ")
                .append(startedWithJvm ? "by the JDK or a library for itself" : "before it attached, or by the JDK for itself")
                .append("); creation site unknown:\n");
        Map<String, List<UnrecordedPools.Found>> idleAlike = new LinkedHashMap<>();
        for (UnrecordedPools.Found pool : found) {
            if (pool.identified() && allIdle(pool)) {
                String key = pool.poolType() + " with threads named " + UnrecordedPools.namePattern(pool.workers().get(0).getName());
                idleAlike.computeIfAbsent(key, alike -> new ArrayList<>()).add(pool);
            } else {
                appendOne(text, pool);
            }
        }
        for (Map.Entry<String, List<UnrecordedPools.Found>> group : idleAlike.entrySet()) {
            List<Thread> threads = new ArrayList<>();
            for (UnrecordedPools.Found pool : group.getValue()) {
                threads.addAll(pool.workers());
            }
            text.append("  ").append(group.getValue().size()).append(" × ").append(group.getKey()).append(", idle: ")
                    .append(threads.size()).append(threads.size() == 1 ? " thread (" : " threads (").append(names(threads))
                    .append(")\n");
        }
    }

    private static boolean allIdle(UnrecordedPools.Found pool) {
        for (StackTraceElement[] stack : pool.stacks()) {
            if (!UnrecordedPools.isIdle(stack)) {
                return false;
            }
        }
        return true;
    }

    /** One pool: its threads and state, idle workers counted in one line, each busy one with the frames of its task. */
    private static void appendOne(StringBuilder text, UnrecordedPools.Found pool) {
        text.append("  ").append(pool.poolType()).append(": ").append(pool.workers().size())
                .append(pool.workers().size() == 1 ? " thread (" : " threads (").append(names(pool.workers())).append("); ")
                .append(UnrecordedPools.state(pool)).append('\n');
        int idle = 0;
        for (int i = 0; i < pool.workers().size(); i++) {
            StackTraceElement[] stack = pool.stacks().get(i);
            if (UnrecordedPools.isIdle(stack)) {
                idle++;
                continue;
            }
            Thread worker = pool.workers().get(i);
            text.append("    worker \"").append(worker.getName()).append("\" (").append(worker.getState()).append(") runs:\n");
            for (StackTraceElement frame : UnrecordedPools.taskFrames(stack, TASK_FRAMES_SHOWN)) {
                text.append("        at ").append(frame).append('\n');
            }
        }
        if (idle > 0) {
            text.append("    ").append(idle).append(idle == 1 ? " worker" : " workers").append(" idle, waiting for a task\n");
        }
    }

    private static String names(List<Thread> threads) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.min(NAMES_SHOWN, threads.size()); i++) {
            names.add(threads.get(i).getName());
        }
        String shown = String.join(", ", names);
        return threads.size() > NAMES_SHOWN ? shown + " and " + (threads.size() - NAMES_SHOWN) + " more" : shown;
    }

    /** {@code " (com.example.Main)"}: the main class or jar the JVM was started with, if known. */
    private static String mainOf(String command) {
        if (command == null || command.isBlank()) {
            return "";
        }
        int space = command.indexOf(' ');
        return " (" + (space < 0 ? command : command.substring(0, space)) + ")";
    }
}
