package dev.poolwatch.junit;

import java.util.ArrayList;
import java.util.List;

import dev.poolwatch.agent.bootstrap.PoolQueries;
import dev.poolwatch.agent.bootstrap.PoolRecord;

/**
 * The agent's registry, asked directly through {@link PoolQueries}. The only class here that links
 * against the agent: it is loaded once {@link AgentLookup} has found the agent's runtime in the
 * bootstrap class loader, and never otherwise.
 */
final class AgentPools implements PoolSource {

    @Override
    public long lastPoolNumber() {
        return PoolQueries.lastPoolNumber();
    }

    @Override
    public List<PoolSeen> openPoolsAfter(long afterNumber) {
        List<PoolSeen> open = new ArrayList<>();
        for (PoolRecord record : PoolQueries.openPoolsAfter(afterNumber)) {
            if (!PoolQueries.reported(record)) {
                continue; // left out by the agent's includes/excludes, as from its own report
            }
            open.add(new PoolSeen(record.number(), record.poolType(), record.creationSite().frames(),
                    record.creatingThread(), record.scope(), record.scopeInheritedByPoolWorker(), record.poolKind()));
        }
        return open;
    }

    @Override
    public long newScope() {
        return PoolQueries.newScope();
    }

    @Override
    public Object enterScope(long scope) {
        return PoolQueries.enterScope(scope);
    }

    @Override
    public void leaveScope(Object previous) {
        PoolQueries.leaveScope(previous);
    }

    /** Whether the class this one linked against is the agent's, and the agent records pools. */
    static boolean linkedToAWatchingAgent() {
        return PoolQueries.class.getClassLoader() == null && PoolQueries.watching();
    }
}
