package dev.poolwatch.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.poolwatch.agent.bootstrap.PoolRecord;
import dev.poolwatch.agent.report.UnrecordedPools;

/**
 * What the exit watch says of the pools whose threads alone keep the JVM alive: pools grouped by type
 * and creation site, as the exit report groups them (a pool per request is one site with a count),
 * each group with what its workers are doing: idle ones named on one line, busy ones with the frames
 * of the task they run.
 */
final class KeptAliveReport {

    private static final int TASK_FRAMES_SHOWN = 5;

    /** Pools of one type created at one site, and their threads that keep the JVM alive. */
    private static final class Group {
        final PoolRecord first;
        final List<Thread> workers = new ArrayList<>();
        int count;

        Group(PoolRecord first) {
            this.first = first;
        }
    }

    private final Map<List<Object>, Group> groups = new LinkedHashMap<>();
    private int pools;

    /** Adds a pool, and those of its worker threads that are not daemons. */
    void add(PoolRecord record, List<Thread> workers) {
        List<Object> key = List.of(record.poolType(), record.creationSite().frames());
        Group group = groups.get(key);
        if (group == null) {
            group = new Group(record);
            groups.put(key, group);
        }
        group.count++;
        group.workers.addAll(workers);
        pools++;
    }

    boolean isEmpty() {
        return pools == 0;
    }

    /** The text, reading each worker's stack now. */
    String render(boolean exitOnHang) {
        StringBuilder text = new StringBuilder("poolwatch: main has returned and no other thread of the program's runs:"
                + " the JVM is kept alive by " + (pools == 1 ? "1 pool" : pools + " pools")
                + " never shut down, whose threads are not daemons:\n");
        for (Group group : groups.values()) {
            text.append("  ").append(group.count == 1 ? "" : group.count + " × ").append(group.first.poolType())
                    .append(" created by thread \"").append(group.first.creatingThread()).append("\" at:\n");
            for (String frame : group.first.creationSite().frames()) {
                text.append("      at ").append(frame).append('\n');
            }
            describeWorkers(text, group.workers);
        }
        return text.append(exitOnHang ? "poolwatch: onHang=exit, so this JVM exits with status 3\n"
                : "poolwatch: shut them down when done, or run with onHang=exit to fail fast in CI\n").toString();
    }

    /**
     * Where a task stands, then the program's frames that brought it there, as lines: the JDK's frames
     * between the two (a lock's, a queue's) would fill them and say nothing of whose task it is.
     */
    private static List<String> whatItRuns(List<StackTraceElement> taskFrames) {
        List<String> lines = new ArrayList<>();
        if (taskFrames.isEmpty()) {
            return lines;
        }
        lines.add("at " + taskFrames.get(0));
        int next = 1;
        while (next < taskFrames.size() && isJdk(taskFrames.get(next))) {
            next++;
        }
        if (next == taskFrames.size()) {
            next = 1; // the JDK's frames alone: they are all there is to say
        } else if (next > 1) {
            lines.add("...");
        }
        for (; next < taskFrames.size() && lines.size() < TASK_FRAMES_SHOWN; next++) {
            lines.add("at " + taskFrames.get(next));
        }
        return lines;
    }

    private static boolean isJdk(StackTraceElement frame) {
        String module = frame.getModuleName();
        return module != null && (module.startsWith("java.") || module.startsWith("jdk."));
    }

    private static void describeWorkers(StringBuilder text, List<Thread> workers) {
        List<String> idle = new ArrayList<>();
        StringBuilder busy = new StringBuilder();
        for (Thread worker : workers) {
            StackTraceElement[] stack = worker.getStackTrace();
            if (UnrecordedPools.isIdle(stack)) {
                idle.add(worker.getName());
                continue;
            }
            busy.append("    worker \"").append(worker.getName()).append("\" (").append(worker.getState())
                    .append("), running:\n");
            for (String line : whatItRuns(UnrecordedPools.taskFrames(stack, Integer.MAX_VALUE))) {
                busy.append("        ").append(line).append('\n');
            }
        }
        if (!idle.isEmpty()) {
            idle.sort(null);
            text.append("    ").append(idle.size() == 1 ? "worker " : idle.size() + " workers ")
                    .append("waiting for a task: ").append(String.join(", ", idle)).append('\n');
        }
        text.append(busy);
    }
}
