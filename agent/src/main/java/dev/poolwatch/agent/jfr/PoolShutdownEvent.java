package dev.poolwatch.agent.jfr;

import dev.poolwatch.agent.bootstrap.PoolRecord;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The first shutdown of a pool the agent recorded, committed on the thread that shut it down. */
@Name("dev.poolwatch.PoolShutdown")
@Label("Pool Shutdown")
@Category("poolwatch")
@Description("A thread pool shut down for the first time. The stack trace shows where, below the frames of"
        + " poolwatch; the creation site says where the pool was created.")
@StackTrace(true)
final class PoolShutdownEvent extends Event {

    @Label("Pool Type")
    @Description("The pool's class")
    String poolType;

    @Label("Pool Kind")
    @Description("The library kind of a library's pool (netty, hikari, ...); none for the JDK's pools and ThreadPool")
    String poolKind;

    @Label("Pool Number")
    @Description("The number of the pool's PoolCreated event")
    long poolNumber;

    @Label("Method")
    @Description("The method that shut the pool down: shutdown, shutdownNow, close, or a library pool's own")
    String method;

    @Label("By Garbage Collector")
    @Description("Whether a finalizer or a Cleaner shut the pool down, not the program: a leak of kind CLOSED_BY_GC")
    boolean byGarbageCollector;

    @Label("Creation Site")
    @Description("Where the pool was created: the first frame of the program's own code, then its callers that"
            + " the agent's report prints, each after ' <- '")
    String creationSite;

    static void commitFor(PoolRecord record, boolean byGarbageCollector) {
        PoolShutdownEvent event = new PoolShutdownEvent();
        if (!event.shouldCommit()) {
            return;
        }
        event.poolType = record.poolType();
        event.poolKind = record.poolKind();
        event.poolNumber = record.number();
        event.method = record.shutdownMethod();
        event.byGarbageCollector = byGarbageCollector;
        event.creationSite = SiteText.of(record.creationSite());
        event.commit();
    }
}
