package dev.poolwatch.agent.report;

import java.util.List;

/**
 * Tasks handed to pools after shutdown from one submit site.
 *
 * @param poolType the pool class
 * @param count how many tasks
 * @param rejected {@code true} if the submitter got an exception, {@code false} if the task was
 *     silently dropped, {@code null} if a custom handler decided
 * @param handler the rejection handler's class, or {@code null}
 * @param submitSite the frames of the submit, from the first application frame on; empty when JDK code
 *     submitted the task on the program's behalf
 * @param jdkSubmitSite the frames of the JDK code that submitted the task, from the code that called
 *     the pool on, when no frame of the program's was on the stack; otherwise empty
 * @param submittingThread the thread that submitted the first of them
 * @param poolCreationSite the frames that created the pool, empty if the agent did not see it
 * @param shutdownSite the frames that shut the pool down, empty if the agent did not see it
 * @param shutdownMethod the method that shut the pool down, or {@code null}
 */
public record SubmitLeak(String poolType, int count, Boolean rejected, String handler, List<String> submitSite,
        List<String> jdkSubmitSite, String submittingThread, List<String> poolCreationSite, List<String> shutdownSite,
        String shutdownMethod) {

    /** Whether JDK code submitted the tasks on the program's behalf, with no frame of the program's on its stack. */
    public boolean submittedByJdkCode() {
        return submitSite.isEmpty() && !jdkSubmitSite.isEmpty();
    }

    /** What to do about it; JDK code that submits on the program's behalf cannot be changed, the order of shutdown can. */
    public String fix() {
        return submittedByJdkCode()
                ? "shut the pool down only after the work chained or scheduled onto it has run (wait for the"
                        + " CompletableFuture stages and delayed tasks that use it)"
                : LeakKind.SUBMIT_AFTER_SHUTDOWN.fix();
    }

    /** The frame that says whose submit it is: the submit's first, or for JDK code's, where the pool was created. */
    public String programFrame() {
        List<String> site = submittedByJdkCode() ? poolCreationSite : submitSite;
        return site.isEmpty() ? null : site.get(0);
    }
}
