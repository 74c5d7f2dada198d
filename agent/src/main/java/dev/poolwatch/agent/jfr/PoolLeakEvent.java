package dev.poolwatch.agent.jfr;

import dev.poolwatch.agent.report.Leak;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Pools of one type, created at one site, that leaked the same way, as the agent's report groups
 * them: committed by {@link PoolLeakHook} at the end of each chunk of a recording.
 */
@Name("dev.poolwatch.PoolLeak")
@Label("Pool Leak")
@Category("poolwatch")
@Description("Thread pools leaked so far, grouped as the poolwatch report groups them: never shut down"
        + " (OPEN_BUSY, OPEN_IDLE) or closed only by the garbage collector (CLOSED_BY_GC). Emitted at the end"
        + " of each chunk, the recording's last one included.")
@Period("endChunk")
@StackTrace(false)
final class PoolLeakEvent extends Event {

    @Label("Kind")
    @Description("OPEN_BUSY: never shut down, and working at the time; OPEN_IDLE: never shut down, idle;"
            + " CLOSED_BY_GC: shut down only by a finalizer or a Cleaner, or collected while open")
    String kind;

    @Label("Pool Type")
    @Description("The pools' class")
    String poolType;

    @Label("Pool Kind")
    @Description("The library kind of a library's pool (netty, hikari, ...); none for the JDK's pools and ThreadPool")
    String poolKind;

    @Label("Count")
    @Description("How many pools leaked this way at this site")
    int count;

    @Label("Creation Site")
    @Description("Where the pools were created: the first frame of the program's own code, then its callers"
            + " that the agent's report prints, each after ' <- '")
    String creationSite;

    @Label("Creating Thread")
    @Description("The name of the thread that created the first of them")
    String creatingThread;

    @Label("Fix")
    @Description("What to do about it, as the poolwatch report says")
    String fix;

    static void commitFor(Leak leak) {
        PoolLeakEvent event = new PoolLeakEvent();
        if (!event.shouldCommit()) {
            return;
        }
        event.kind = leak.kind().name();
        event.poolType = leak.poolType();
        event.poolKind = leak.poolKind();
        event.count = leak.count();
        event.creationSite = SiteText.of(leak.creationSite());
        event.creatingThread = leak.creatingThread();
        event.fix = leak.fix();
        event.commit();
    }
}
