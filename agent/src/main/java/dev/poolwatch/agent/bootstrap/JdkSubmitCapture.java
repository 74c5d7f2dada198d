package dev.poolwatch.agent.bootstrap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where JDK code handed a task to a pool, for a submit whose stack has no frame of the program's: a
 * {@code CompletableFuture} stage fired by the JDK's thread that completed the stage before it, or a
 * delayed executor's task handed over by the JDK's delay thread. The frames start past the pool's own
 * code (its class and superclasses, the {@code Executors} wrappers, the agent) at the code that called
 * it, and keep {@code stackDepth} frames after that one, reflection and method handles left out.
 */
final class JdkSubmitCapture implements Function<Stream<StackWalker.StackFrame>, Site> {

    private static final String AGENT_PREFIX = "dev.poolwatch.agent.";
    private static final String EXECUTORS_NESTED_PREFIX = "java.util.concurrent.Executors$";

    private final Class<?> poolType;
    private final int stackDepth;

    private JdkSubmitCapture(Class<?> poolType, int stackDepth) {
        this.poolType = poolType;
        this.stackDepth = stackDepth;
    }

    /** Where the current thread's JDK code hands a task to {@code pool}. */
    static Site of(Object pool, int stackDepth) {
        return SiteCapture.WALKER.walk(new JdkSubmitCapture(pool.getClass(), stackDepth));
    }

    @Override
    public Site apply(Stream<StackWalker.StackFrame> stack) {
        List<StackTraceElement> kept = new ArrayList<>(Math.min(stackDepth + 1, 16));
        for (Iterator<StackWalker.StackFrame> frames = stack.iterator(); frames.hasNext() && kept.size() <= stackDepth; ) {
            StackWalker.StackFrame frame = frames.next();
            Class<?> type = frame.getDeclaringClass();
            if (type.isHidden() || PlatformClasses.isCallPlumbing(type) || kept.isEmpty() && isPoolsOwnCode(type)) {
                continue;
            }
            kept.add(frame.toStackTraceElement());
        }
        return new Site(kept.toArray(new StackTraceElement[0]));
    }

    private boolean isPoolsOwnCode(Class<?> type) {
        String name = type.getName();
        return type.isAssignableFrom(poolType) || name.startsWith(AGENT_PREFIX) || name.startsWith(EXECUTORS_NESTED_PREFIX);
    }
}
