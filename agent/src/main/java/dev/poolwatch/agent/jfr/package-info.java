/**
 * JDK Flight Recorder events of the pools the agent records: {@code dev.poolwatch.PoolCreated},
 * {@code PoolShutdown}, {@code SubmitAfterShutdown} and {@code PoolLeak}, in category
 * {@code poolwatch}.
 *
 * <p>In the agent's own class loader, never in the bootstrap runtime: that package is defined
 * whole at start-up, and a JVM without the {@code jdk.jfr} module (a jlinked runtime) must still run
 * the agent. The registry reaches this package through
 * {@link dev.poolwatch.agent.bootstrap.PoolLifecycleListener}.
 *
 * <p>Nothing here touches an event class until Flight Recorder is initialized: on JDK 17 and 25,
 * loading the first class that extends {@code jdk.jfr.Event} sets up Flight Recorder's metadata, over
 * 100 ms and about 100 classes, whether or not anything records.
 */
package dev.poolwatch.agent.jfr;
