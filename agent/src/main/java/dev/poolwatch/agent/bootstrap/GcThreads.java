package dev.poolwatch.agent.bootstrap;

import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Tells whether a shutdown is done by the garbage collector's helpers (a finalizer or a
 * {@code Cleaner}) rather than by the program: e.g. the JDK shuts down the executor behind an
 * unreferenced {@code Executors.newSingleThreadExecutor()} that way.
 */
final class GcThreads implements Function<Stream<StackWalker.StackFrame>, Boolean> {

    private static final String[] GC_HELPER_CLASSES = {
        "java.lang.ref.Finalizer", "jdk.internal.ref.Cleaner", "java.lang.ref.Cleaner", "jdk.internal.ref.PhantomCleanable"};

    private GcThreads() {
    }

    /** Whether the current thread is a finalizer or cleaner thread running a finalizer or a cleaning action. */
    static boolean isClosingForGc() {
        Thread current = Thread.currentThread();
        String type = current.getClass().getName();
        String name = current.getName();
        boolean gcHelper = type.equals("java.lang.ref.Finalizer$FinalizerThread")
                || type.equals("jdk.internal.misc.InnocuousThread")
                || name.contains("Cleaner") || name.contains("cleaner") || name.contains("finalizer");
        return gcHelper && SiteCapture.WALKER.walk(new GcThreads());
    }

    /** Whether a frame is the JDK's finalizer or cleaner machinery. */
    @Override
    public Boolean apply(Stream<StackWalker.StackFrame> frames) {
        for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
            Class<?> type = it.next().getDeclaringClass();
            if (PlatformClasses.isPlatform(type)) {
                for (String helper : GC_HELPER_CLASSES) {
                    if (type.getName().startsWith(helper)) {
                        return Boolean.TRUE;
                    }
                }
            }
        }
        return Boolean.FALSE;
    }
}
