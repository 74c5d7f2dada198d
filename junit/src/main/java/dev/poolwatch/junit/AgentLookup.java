package dev.poolwatch.junit;

/**
 * Finds the agent's registry in this JVM, attaching the agent first when none was given, without ever
 * loading a copy of the agent's classes from the class path: a copy would be a registry that no pool
 * reports to.
 */
final class AgentLookup {

    static final String QUERIES = "dev.poolwatch.agent.bootstrap.PoolQueries";

    private AgentLookup() {
    }

    /** The agent's pools, or why there are none. */
    record Found(PoolSource pools, String whyNot) {
    }

    /**
     * The agent given by {@code -javaagent}, else the agent jar on the class path attached now with
     * {@code agentOptions}; an agent already in this JVM is never attached a second time.
     */
    static Found findOrAttach(String agentOptions) {
        if (agentLoaded()) {
            return find();
        }
        AgentJar.Located located = AgentJar.on(AgentLookup.class.getClassLoader());
        if (located.jar() == null) {
            return new Found(null, "no poolwatch agent in this JVM, and none to attach: " + located.whyNot());
        }
        String refused = AgentAttach.attach(located.jar(), agentOptions);
        if (refused != null) {
            return new Found(null, "no poolwatch agent in this JVM, and attaching " + located.jar() + " failed: " + refused);
        }
        return find();
    }

    static Found find() {
        if (!agentLoaded()) {
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

    /** Whether the agent's runtime is in the bootstrap class loader, the only place its registry is fed. */
    private static boolean agentLoaded() {
        try {
            Class.forName(QUERIES, false, null);
            return true;
        } catch (ClassNotFoundException | LinkageError noAgent) {
            return false;
        }
    }
}
