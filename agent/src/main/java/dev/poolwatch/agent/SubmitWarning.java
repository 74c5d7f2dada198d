package dev.poolwatch.agent;

import java.util.List;
import java.util.function.Consumer;

import dev.poolwatch.agent.bootstrap.InternalErrors;
import dev.poolwatch.agent.bootstrap.Site;
import dev.poolwatch.agent.bootstrap.SubmitAfterShutdown;
import dev.poolwatch.agent.report.SiteFilter;
import dev.poolwatch.agent.report.TextReport;

/**
 * Prints a warning the first time a task is submitted to a shut-down pool from a given site; the
 * exit report counts them all.
 */
final class SubmitWarning implements Consumer<SubmitAfterShutdown> {

    private final AgentOptions options;
    private final Console console;

    SubmitWarning(AgentOptions options, Console console) {
        this.options = options;
        this.console = console;
    }

    @Override
    public void accept(SubmitAfterShutdown submit) {
        try {
            // Made here, once per submit site at most, rather than while the program starts.
            if (!new SiteFilter(options.includes(), options.excludes()).reports(submit.programSite())) {
                return;
            }
            StringBuilder text = new StringBuilder("poolwatch: WARNING: task submitted to a ")
                    .append(submit.poolType()).append(" after it was shut down; ")
                    .append(Boolean.TRUE.equals(submit.rejected()) ? "it was rejected"
                            : Boolean.FALSE.equals(submit.rejected()) ? "it was silently dropped by " + submit.handler()
                            : "the rejection handler " + submit.handler() + " decided what happened to it")
                    .append('\n');
            if (submit.submittedByJdkCode()) {
                text.append("  ").append(TextReport.submittedByJdkCode(submit.submittingThread())).append(":\n");
                appendFrames(text, submit.jdkSubmitSite());
            } else {
                text.append("  submitted at:\n");
                appendFrames(text, submit.submitSite());
            }
            text.append("  pool created at:\n");
            appendFrames(text, submit.poolCreationSite());
            text.append("  shut down").append(submit.shutdownMethod() == null ? "" : " by " + submit.shutdownMethod() + "()")
                    .append(" at:\n");
            appendFrames(text, submit.shutdownSite());
            console.print(text.toString());
        } catch (Throwable error) {
            InternalErrors.record(error);
        }
    }

    private static void appendFrames(StringBuilder text, Site site) {
        List<String> frames = site == null ? List.of() : site.frames();
        if (frames.isEmpty()) {
            text.append("    (not seen by the agent)\n");
        }
        for (String frame : frames) {
            text.append("    at ").append(frame).append('\n');
        }
    }
}
