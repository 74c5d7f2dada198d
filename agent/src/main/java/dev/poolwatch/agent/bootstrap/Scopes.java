package dev.poolwatch.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The current thread's {@link Scope}, handed down to the threads it constructs. Untouched, and not
 * even loaded, until a listener enters the first scope, so a program without one pays nothing.
 */
final class Scopes {

    private static final AtomicLong LAST_ID = new AtomicLong();

    private static final InheritableThreadLocal<Scope> CURRENT = new InheritableThreadLocal<>() {
        @Override
        protected Scope childValue(Scope parent) {
            if (parent == null) {
                return null; // a thread that asked for its scope outside every scope
            }
            try {
                return parent.inheritedBy(PoolWorkerConstruction.isUnderway());
            } catch (Throwable error) {
                InternalErrors.record(error);
                return parent;
            }
        }
    };

    private Scopes() {
    }

    static long newId() {
        return LAST_ID.incrementAndGet();
    }

    static Scope enter(long id) {
        PoolRegistry.scopesEntered = true;
        Scope previous = CURRENT.get();
        CURRENT.set(new Scope(id, false));
        return previous;
    }

    static void leave(Scope previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** The current thread's scope, or {@code null} outside every scope. */
    static Scope current() {
        return CURRENT.get();
    }
}
