package dev.poolwatch.agent.report;

import java.util.List;

import dev.poolwatch.agent.bootstrap.PoolRegistry;

/** The report as people read it on stderr: what leaked, where it was created, and what to fix. */
public final class TextReport {

    private TextReport() {
    }

    /**
     * Renders {@code report}; a clean one is a single line, or nothing when {@code quiet}.
     *
     * @return the text, ending with a line separator, or an empty string
     */
    public static String render(Report report, boolean quiet) {
        return render(report, quiet, Moment.AT_EXIT);
    }

    /** Renders {@code report} as read at {@code moment}. */
    public static String render(Report report, boolean quiet, Moment moment) {
        StringBuilder out = new StringBuilder();
        if (!report.hasFindings()) {
            if (report.filteredOut().any()) {
                out.append("poolwatch: ").append(pools(report.poolsCreated())).append(" seen, none reported")
                        .append(filteredOut(report.filteredOut())).append(heldByLibraries(report)).append('\n');
                appendHeldPools(out, report);
            } else if (!quiet) {
                out.append("poolwatch: ").append(pools(report.poolsCreated())).append(" seen, ").append(moment.noneOpen())
                        .append(heldByLibraries(report)).append('\n');
                appendHeldPools(out, report);
            }
            appendInternalErrors(out, report);
            return out.toString();
        }
        out.append("poolwatch: ").append(findingsSummary(report, moment)).append(filteredOut(report.filteredOut()))
                .append(heldByLibraries(report)).append('\n');
        // Most serious first: the kinds are declared in that order, submits after shutdown among them.
        int number = 0;
        for (Leak leak : report.leaks()) {
            if (leak.kind().compareTo(LeakKind.SUBMIT_AFTER_SHUTDOWN) < 0) {
                appendLeak(out, ++number, leak, moment);
            }
        }
        for (SubmitLeak submit : report.submits()) {
            appendSubmit(out, ++number, submit);
        }
        for (Leak leak : report.leaks()) {
            if (leak.kind().compareTo(LeakKind.SUBMIT_AFTER_SHUTDOWN) > 0) {
                appendLeak(out, ++number, leak, moment);
            }
        }
        if (report.droppedSites() > 0) {
            out.append("\n(").append(report.droppedSites() >= PoolRegistry.MAX_DROPPED_SITES_COUNTED ? "at least " : "")
                    .append(report.droppedSites()).append(" further sites not kept: the registry keeps at most ")
                    .append(PoolRegistry.MAX_SITES).append(" per kind)\n");
        }
        appendHeldPools(out, report);
        appendInternalErrors(out, report);
        return out.toString();
    }

    /** What was found, in a few words: {@code 2 of 5 pools leaked, 1 task submitted after shutdown}. */
    private static String findingsSummary(Report report, Moment moment) {
        if (report.leakedPools() == 0) {
            return tasksSubmittedAfterShutdown(report.submittedAfterShutdown()) + "; " + pools(report.poolsCreated())
                    + " seen, " + moment.noneOpen();
        }
        String leaked = report.leakedPools() + " of " + pools(report.poolsCreated()) + " " + moment.openPoolsAre();
        return report.submits().isEmpty() ? leaked
                : leaked + ", " + tasksSubmittedAfterShutdown(report.submittedAfterShutdown());
    }

    /**
     * What {@code includes}/{@code excludes} left out, so that "none leaked" is never said of leaks
     * that were only filtered; empty when nothing was.
     */
    static String filteredOut(Report.FilteredOut filtered) {
        if (!filtered.any()) {
            return "";
        }
        StringBuilder text = new StringBuilder("; includes/excludes left out ");
        if (filtered.pools() > 0) {
            text.append(filtered.pools()).append(filtered.pools() == 1 ? " leaked pool" : " leaked pools");
            if (filtered.tasks() > 0) {
                text.append(" and ");
            }
        }
        if (filtered.tasks() > 0) {
            text.append(tasksSubmittedAfterShutdown(filtered.tasks()));
        }
        return text.append(", e.g. of class ").append(filtered.firstClass()).toString();
    }

    /** What the summary line adds for pools held by libraries, listed after the leaks; empty when there are none. */
    private static String heldByLibraries(Report report) {
        int held = report.poolsHeldByLibraries();
        return held == 0 ? "" : "; " + pools(held) + " held by libraries for the life of the process, not leaks";
    }

    /**
     * Lists the pools libraries hold for the life of the process, apart from the leaks and unnumbered,
     * with how they are told apart and how to count them as leaks instead.
     */
    private static void appendHeldPools(StringBuilder out, Report report) {
        if (report.heldPools().isEmpty()) {
            return;
        }
        out.append("\nHeld by libraries for the life of the process, not leaks: each was created in the static initializer")
                .append(" of a class loaded from a library's jar (not from the program's classes or the jar it was")
                .append(" started from), and the program has no call to make that would close it (lifetimePools=leaks")
                .append(" reports them as leaks):\n");
        for (HeldPool held : report.heldPools()) {
            out.append(" - ").append(held.count()).append(" × ").append(held.poolType()).append(" held by ")
                    .append(held.library()).append(" for the life of the process\n")
                    .append("   created in the static initializer of ").append(held.holderClass()).append(", by thread \"")
                    .append(held.creatingThread()).append("\", at:\n");
            appendFrames(out, held.creationSite());
        }
    }

    /** The one line of a clean report. */
    public static String noneLeaked(long poolsCreated) {
        return "poolwatch: " + pools(poolsCreated) + " seen, none leaked";
    }

    /** {@code HH:mm:ss.SSS} in UTC, by hand: a formatter would load a few dozen classes as the JVM exits. */
    public static String timeOfDay(long epochMillis) {
        long millisOfDay = Math.floorMod(epochMillis, 86_400_000L);
        return digits(millisOfDay / 3_600_000, 2) + ':' + digits(millisOfDay / 60_000 % 60, 2) + ':'
                + digits(millisOfDay / 1000 % 60, 2) + '.' + digits(millisOfDay % 1000, 3);
    }

    /** {@code value} with leading zeros to {@code width} digits. */
    private static String digits(long value, int width) {
        StringBuilder text = new StringBuilder(Long.toString(value));
        while (text.length() < width) {
            text.insert(0, '0');
        }
        return text.toString();
    }

    private static String pools(long count) {
        return count + (count == 1 ? " pool" : " pools");
    }

    private static String tasksSubmittedAfterShutdown(long count) {
        return count + (count == 1 ? " task" : " tasks") + " submitted after shutdown";
    }

    private static void appendLeak(StringBuilder out, int number, Leak leak, Moment moment) {
        out.append('\n').append(number).append(". ").append(leak.kind()).append(": ").append(leak.count())
                .append(" × ").append(leak.poolType()).append(leak.poolKind() == null ? "" : " (" + leak.poolKind() + ")")
                .append(" — ").append(moment.meaningOf(leak.kind())).append('\n');
        if (leak.poolKind() != null) {
            // the agent sees a library pool's creation and closing, and what its busy probe counts, not its threads
            out.append("   ").append(moment.when()).append(": ").append(leak.busyProbe() == null ? "still open"
                    : leak.active() + " in use (" + leak.busyProbe().replace(".", "().") + "())")
                    .append("; its threads are the library's, not listed here\n");
        } else if (leak.kind() != LeakKind.CLOSED_BY_GC) {
            out.append("   ").append(moment.when()).append(": ").append(leak.active()).append(" running, ").append(leak.queued())
                    .append(" queued").append(periodicTasks(leak.periodic())).append("; threads: ").append(leak.threads().isEmpty() ? "none" : String.join(", ", leak.threads()))
                    .append('\n');
        }
        if (leak.count() == 1) {
            out.append("   created at ").append(timeOfDay(leak.firstCreatedAtMillis())).append(" UTC\n");
        } else {
            out.append("   created from ").append(timeOfDay(leak.firstCreatedAtMillis())).append(" to ")
                    .append(timeOfDay(leak.lastCreatedAtMillis())).append(" UTC\n");
        }
        out.append("   created by thread \"").append(leak.creatingThread()).append("\" at:\n");
        appendFrames(out, leak.creationSite());
        out.append("   fix: ").append(leak.fix()).append('\n');
    }

    private static String periodicTasks(int periodic) {
        return periodic == 0 ? "" : periodic == 1 ? ", 1 periodic task scheduled" : ", " + periodic + " periodic tasks scheduled";
    }

    private static void appendSubmit(StringBuilder out, int number, SubmitLeak submit) {
        out.append('\n').append(number).append(". ").append(LeakKind.SUBMIT_AFTER_SHUTDOWN).append(": ")
                .append(submit.count()).append(" × ").append(submit.poolType()).append(" — ")
                .append(LeakKind.SUBMIT_AFTER_SHUTDOWN.meaning()).append("; ").append(outcome(submit)).append('\n');
        if (submit.submittedByJdkCode()) {
            out.append("   ").append(submittedByJdkCode(submit.submittingThread())).append(":\n");
            appendFrames(out, submit.jdkSubmitSite());
        } else {
            out.append("   submitted at:\n");
            appendFrames(out, submit.submitSite());
        }
        out.append("   pool created at:\n");
        appendFrames(out, submit.poolCreationSite());
        out.append("   shut down").append(submit.shutdownMethod() == null ? "" : " by " + submit.shutdownMethod() + "()")
                .append(" at:\n");
        appendFrames(out, submit.shutdownSite());
        out.append("   fix: ").append(submit.fix()).append('\n');
    }

    /** The heading of the frames of JDK code that submitted a task on the program's behalf. */
    public static String submittedByJdkCode(String thread) {
        return "submitted by JDK code on thread \"" + thread + "\", with no frame of the program's on its stack";
    }

    static String outcome(SubmitLeak submit) {
        String handler = submit.handler() == null ? "" : submit.handler().substring(submit.handler().lastIndexOf('.') + 1);
        if (Boolean.TRUE.equals(submit.rejected())) {
            return submit.submittedByJdkCode() ? "the JDK code that submitted it got a RejectedExecutionException"
                    : "the submitter got a RejectedExecutionException";
        }
        if (Boolean.FALSE.equals(submit.rejected())) {
            return "the task was silently dropped by " + handler;
        }
        return "the rejection handler " + handler + " decided what happened to the task";
    }

    private static void appendFrames(StringBuilder out, List<String> frames) {
        if (frames.isEmpty()) {
            out.append("      (not seen by the agent)\n");
        }
        for (String frame : frames) {
            out.append("      at ").append(frame).append('\n');
        }
    }

    private static void appendInternalErrors(StringBuilder out, Report report) {
        if (report.internalErrors() > 0) {
            out.append("poolwatch: ").append(report.internalErrors())
                    .append(" internal error(s) were swallowed so the program was not affected; the first: ")
                    .append(report.firstInternalError()).append('\n');
        }
    }
}
