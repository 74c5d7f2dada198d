package dev.poolwatch.agent.live;

import dev.poolwatch.agent.AgentOptions;
import dev.poolwatch.agent.bootstrap.PoolRegistry;

/**
 * The agent as installed in this JVM, for what asks after it later: a second attach, the MBean.
 *
 * @param options the options it was installed with
 * @param registry its registry
 * @param startedWithJvm whether it came with {@code -javaagent} rather than an attach
 * @param sinceMillis when it was installed
 * @param version the agent's version
 */
public record InstalledAgent(AgentOptions options, PoolRegistry registry, boolean startedWithJvm, long sinceMillis,
        String version) {
}
