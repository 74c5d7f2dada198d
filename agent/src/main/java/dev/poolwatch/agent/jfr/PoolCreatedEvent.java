package dev.poolwatch.agent.jfr;

import dev.poolwatch.agent.bootstrap.PoolRecord;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A pool the program created, committed on the creating thread before the pool's constructor
 * returns: the event's thread is the creating thread, and its stack trace is where the pool was
 * created, under the agent's and the pool's own frames.
 */
@Name("dev.poolwatch.PoolCreated")
@Label("Pool Created")
@Category("poolwatch")
@Description("A thread pool the program created. The event thread created it; the stack trace shows where,"
        + " below the frames of poolwatch and of the pool's constructor.")
@StackTrace(true)
final class PoolCreatedEvent extends Event {

    @Label("Pool Type")
    @Description("The pool's class")
    String poolType;

    @Label("Pool Kind")
    @Description("The library kind of a library's pool (netty, hikari, ...); none for the JDK's pools and ThreadPool")
    String poolKind;

    @Label("Pool Number")
    @Description("The pool's place in the order the agent recorded pools in this JVM, 1 for the first;"
            + " a PoolShutdown of the same pool has the same number")
    long poolNumber;

    @Label("Creation Site")
    @Description("The first frame of the program's own code in the creation stack, then its callers that the"
            + " agent's report prints (option stackDepth), each after ' <- '")
    String creationSite;

    static void commitFor(PoolRecord record) {
        PoolCreatedEvent event = new PoolCreatedEvent();
        if (!event.shouldCommit()) {
            return;
        }
        event.poolType = record.poolType();
        event.poolKind = record.poolKind();
        event.poolNumber = record.number();
        event.creationSite = SiteText.of(record.creationSite());
        event.commit();
    }
}
