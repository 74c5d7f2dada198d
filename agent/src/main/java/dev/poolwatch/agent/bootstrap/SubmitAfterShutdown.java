package dev.poolwatch.agent.bootstrap;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks handed to pools after they were shut down, from one submit site: the first occurrence's
 * evidence and a count.
 */
public final class SubmitAfterShutdown {

    private final String poolType;
    private final Site submitSite;
    private final Site shutdownSite;
    private final String shutdownMethod;
    private final Boolean rejected;
    private final String handler;
    private final AtomicInteger count = new AtomicInteger();

    SubmitAfterShutdown(String poolType, Site submitSite, Site shutdownSite, String shutdownMethod,
            Boolean rejected, String handler) {
        this.poolType = poolType;
        this.submitSite = submitSite;
        this.shutdownSite = shutdownSite;
        this.shutdownMethod = shutdownMethod;
        this.rejected = rejected;
        this.handler = handler;
    }

    public String poolType() {
        return poolType;
    }

    public Site submitSite() {
        return submitSite;
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
