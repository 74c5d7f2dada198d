package dev.poolwatch.junit;

/**
 * Finds the agent's registry in this JVM without ever loading a copy of the agent's classes from the
 * class path: a copy would be a registry that no pool reports to.
 */
final class AgentLookup {

    static final String QUERIES = "dev.poolwatch.agent.bootstrap.PoolQueries";

    private AgentLookup() {
    }

    /** The agent's pools, or why there are none. */
    record Found(PoolSource pools, String whyNot) {
    }

    static Found find() {
        try {
            Class.forName(QUERIES, false, null);
        } catch (ClassNotFoundException | LinkageError noAgent) {
            return new Found(null, "no poolwatch agent in this JVM");
        }
        try {
            if (!AgentPools.linkedToAWatchingAgent()) {
                return new Found(null, "the poolwatch agent in this JVM is not recording pools (see its own message above)");
            }
            return new Found(new AgentPools(), null);
        } catch (LinkageError otherVersion) {
            return new Found(null, "the poolwatch agent in this JVM is not the version of poolwatch-junit (" + otherVersion + ")");
        }
    }
}
