package dev.poolwatch.agent.live;

/**
 * The agent in JMX, as {@code dev.poolwatch:type=PoolWatch}: what it has found so far, as numbers a
 * JMX exporter can scrape, and the live report. The pools counted are those the agent records and
 * its {@code includes}/{@code excludes} report.
 */
public interface PoolWatchMXBean {

    /** Pools created since the agent started watching. */
    long getPoolsCreated();

    /** Pools alive and never shut down: {@link #getOpenBusyPools()} plus {@link #getOpenIdlePools()}. */
    int getOpenPools();

    /** Open pools running or holding tasks now. */
    int getOpenBusyPools();

    /** Open pools with nothing to do now. */
    int getOpenIdlePools();

    /** Pools the program never shut down, shut down or collected by the garbage collector. */
    int getPoolsClosedByGc();

    /** Tasks handed to pools after they were shut down. */
    int getTasksSubmittedAfterShutdown();

    /** The agent's own errors, swallowed so the program was not affected. */
    long getInternalErrors();

    /** The live report as text, as {@code java -jar poolwatch-agent.jar <pid> report} prints it. */
    String reportText();

    /** The live report as JSON, in the format of the {@code report} file. */
    String reportJson();
}
