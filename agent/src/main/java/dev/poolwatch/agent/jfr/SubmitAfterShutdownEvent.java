package dev.poolwatch.agent.jfr;

import dev.poolwatch.agent.bootstrap.PoolRecord;
import dev.poolwatch.agent.bootstrap.SubmitAfterShutdown;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A task handed to a pool after it was shut down, committed on the submitting thread. */
@Name("dev.poolwatch.SubmitAfterShutdown")
@Label("Submit After Shutdown")
@Category("poolwatch")
@Description("A task handed to a thread pool after it was shut down: refused, or silently dropped. The stack"
        + " trace shows where it was submitted, below the frames of poolwatch and of the pool's rejection path.")
@StackTrace(true)
final class SubmitAfterShutdownEvent extends Event {

    @Label("Pool Type")
    @Description("The pool's class")
    String poolType;

    @Label("Pool Number")
    @Description("The number of the pool's PoolCreated event; 0 if the agent did not see the pool created")
    long poolNumber;

    @Label("Submitter Got Exception")
    @Description("Whether the submitter got a RejectedExecutionException. False when the rejection handler"
            + " dropped the task (DiscardPolicy, DiscardOldestPolicy, CallerRunsPolicy), and for a handler of"
            + " the program's own, which decides itself: see Rejection Handler")
    boolean submitterGotException;

    @Label("Rejection Handler")
    @Description("The pool's rejection handler class; none for pools without one")
    String rejectionHandler;

    @Label("Shutdown Method")
    @Description("The method that shut the pool down; none if the agent did not see it")
    String shutdownMethod;

    @Label("Shutdown Site")
    @Description("Where the pool was shut down: the first frame of the program's own code, then its callers that"
            + " the agent's report prints, each after ' <- '; none if the agent did not see it")
    String shutdownSite;

    /**
     * @param record the pool's record, or {@code null} if the agent did not see it created; its
     *     shutdown site is this pool's, where {@code submit} holds the first one's of the site
     */
    static void commitFor(SubmitAfterShutdown submit, PoolRecord record) {
        SubmitAfterShutdownEvent event = new SubmitAfterShutdownEvent();
        if (!event.shouldCommit()) {
            return;
        }
        event.poolType = submit.poolType();
        event.submitterGotException = Boolean.TRUE.equals(submit.rejected());
        event.rejectionHandler = submit.handler();
        if (record != null) {
            event.poolNumber = record.number();
            event.shutdownMethod = record.shutdownMethod();
            event.shutdownSite = SiteText.of(record.shutdownSite());
        } else {
            event.shutdownMethod = submit.shutdownMethod();
            event.shutdownSite = SiteText.of(submit.shutdownSite());
        }
        event.commit();
    }
}
