package dev.poolwatch.agent.bootstrap;

/**
 * Tells whether a shutdown was done by the garbage collector's helpers (a finalizer or a
 * {@code Cleaner}) rather than by the program: e.g. the JDK shuts down the executor behind an
 * unreferenced {@code Executors.newSingleThreadExecutor()} that way.
 */
final class GcThreads {

    private GcThreads() {
    }

    static boolean isClosingForGc(Throwable site) {
        Thread current = Thread.currentThread();
        String type = current.getClass().getName();
        String name = current.getName();
        boolean gcHelper = type.equals("java.lang.ref.Finalizer$FinalizerThread")
                || type.equals("jdk.internal.misc.InnocuousThread")
                || name.contains("Cleaner") || name.contains("cleaner") || name.contains("finalizer");
        if (!gcHelper) {
            return false;
        }
        for (StackTraceElement frame : site.getStackTrace()) {
            String frameClass = frame.getClassName();
            if (frameClass.startsWith("java.lang.ref.Finalizer") || frameClass.startsWith("jdk.internal.ref.Cleaner")
                    || frameClass.startsWith("java.lang.ref.Cleaner") || frameClass.startsWith("jdk.internal.ref.PhantomCleanable")) {
                return true;
            }
        }
        return false;
    }
}
