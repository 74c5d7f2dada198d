package dev.poolwatch.agent.bootstrap;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks handed to pools after they were shut down, from one submit site: the first occurrence's
 * evidence and a count.
 *
 * <p>A submit whose stack has no frame of the program's was made by JDK code on the program's behalf
 * (a {@code CompletableFuture} stage, a delayed executor's task), on a thread of the JDK's. It is the
 * program's when the pool is: one created at a site of the program's. Its submit site is then empty,
 * and {@link #jdkSubmitSite()} says which JDK code handed the task over.
 */
public final class SubmitAfterShutdown {

    private final String poolType;
    private final Site submitSite;
    private final Site jdkSubmitSite;
    private final String submittingThread;
    private final Site poolCreationSite;
    private final Site shutdownSite;
    private final String shutdownMethod;
    private final Boolean rejected;
    private final String handler;
    private final AtomicInteger count = new AtomicInteger();

    SubmitAfterShutdown(String poolType, Site submitSite, Site jdkSubmitSite, String submittingThread,
            Site poolCreationSite, Site shutdownSite, String shutdownMethod, Boolean rejected, String handler) {
        this.poolType = poolType;
        this.submitSite = submitSite;
        this.jdkSubmitSite = jdkSubmitSite;
        this.submittingThread = submittingThread;
        this.poolCreationSite = poolCreationSite;
        this.shutdownSite = shutdownSite;
        this.shutdownMethod = shutdownMethod;
        this.rejected = rejected;
        this.handler = handler;
    }

    public String poolType() {
        return poolType;
    }

    /** Where the program submitted the task; empty when JDK code did, on the program's behalf. */
    public Site submitSite() {
        return submitSite;
    }

    /**
     * Where JDK code handed the task over when no frame of the program's was on the stack, from the
     * code that called the pool on; empty when the program submitted it.
     */
    public Site jdkSubmitSite() {
        return jdkSubmitSite;
    }

    /** Whether JDK code submitted the task on the program's behalf: the submit site is empty. */
    public boolean submittedByJdkCode() {
        return submitSite.isEmpty();
    }

    /** The name the submitting thread had then. */
    public String submittingThread() {
        return submittingThread;
    }

    /** Where the pool was created, or {@code null} if the agent did not see it (created before the agent started). */
    public Site poolCreationSite() {
        return poolCreationSite;
    }

    /**
     * The site that says whose submit this is, for {@code includes} and {@code excludes}: the submit
     * site, or for a submit JDK code made, the pool's creation site.
     */
    public Site programSite() {
        return submittedByJdkCode() ? poolCreationSite : submitSite;
    }

    /** Where the pool was shut down, or {@code null} if the agent did not see it (shut down before the agent started). */
    public Site shutdownSite() {
        return shutdownSite;
    }

    public String shutdownMethod() {
        return shutdownMethod;
    }

    /**
     * {@code true} if the submitter got an exception, {@code false} if the task was silently
     * dropped, {@code null} if a custom rejection handler decided and the agent cannot tell.
     */
    public Boolean rejected() {
        return rejected;
    }

    /** The rejection handler's class name, or {@code null} for pools without one. */
    public String handler() {
        return handler;
    }

    public int count() {
        return count.get();
    }

    void add() {
        count.incrementAndGet();
    }
}
