package dev.poolwatch.agent.library;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import net.bytebuddy.asm.Advice;

import dev.poolwatch.agent.bootstrap.PoolEvents;

/**
 * The code Byte Buddy inlines into a library's pool class: calls into the agent's bootstrap runtime,
 * which every class loader sees. Never called as such.
 */
final class LibraryPoolAdvice {

    private LibraryPoolAdvice() {
    }

    /** Bound to the kind's name, a constant in the woven code. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface KindName {
    }

    /** Bound to the kind's first close method, a constant in the woven code. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface CloseMethod {
    }

    /** Bound to the kind's busy probe, or an empty string for none: a constant in the woven code. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface BusyProbe {
    }

    /** At the end of each constructor: the pool exists (a chained constructor reports it again, and is ignored). */
    static final class Created {

        private Created() {
        }

        @Advice.OnMethodExit
        static void created(@Advice.This Object pool, @KindName String kind, @CloseMethod String closeMethod,
                @BusyProbe String busyProbe) {
            PoolEvents.libraryPoolCreated(pool, kind, closeMethod, busyProbe);
        }
    }

    /** At the entry of each method that closes the pool. */
    static final class Closed {

        private Closed() {
        }

        @Advice.OnMethodEnter
        static void closing(@Advice.This Object pool, @Advice.Origin("#m") String method) {
            PoolEvents.shutdown(pool, method);
        }
    }
}
