package dev.poolwatch.pool;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The view {@link LeakGuard#wrap} returns: delegates everything, and registers a Cleaner action
 * that holds the executor (never this view) and shuts it down if the view is dropped while it is
 * open. What the view stops on its own, it cancels: no future it returned is left pending.
 */
final class GuardedExecutorService implements ExecutorService, AutoCloseable {

    /** Used only inside a {@code reachabilityFence(this)}, as {@link ThreadPool} uses its core. */
    private final ExecutorService delegate;

    /**
     * Unregistered as soon as the view sees its executor terminated: the executor has nothing left
     * to reclaim, and may hold (by its thread factory, say) the class loader of the code that
     * created it, which the static Cleaner would otherwise keep until the view is collected.
     */
    private final Cleaner.Cleanable reclaimer;

    GuardedExecutorService(ExecutorService delegate, boolean captureCreationStack) {
        this.delegate = delegate;
        String name = describe(delegate);
        reclaimer = Reclamation.CLEANER.register(this,
                new Reclaimer(delegate, name, CreationSite.capture(name, captureCreationStack)));
    }

    private static String describe(ExecutorService executor) {
        return executor.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(executor));
    }

    @Override
    public void execute(Runnable command) {
        try {
            delegate.execute(command);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        try {
            return delegate.submit(task);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        try {
            return delegate.submit(task, result);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public Future<?> submit(Runnable task) {
        try {
            return delegate.submit(task);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        try {
            return delegate.invokeAll(tasks);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        try {
            return delegate.invokeAll(tasks, timeout, unit);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return delegate.invokeAny(tasks);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return delegate.invokeAny(tasks, timeout, unit);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public void shutdown() {
        try {
            delegate.shutdown();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        try {
            return delegate.shutdownNow();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public boolean isShutdown() {
        try {
            return delegate.isShutdown();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public boolean isTerminated() {
        try {
            return unregisteredIfTerminated(delegate.isTerminated());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            return unregisteredIfTerminated(delegate.awaitTermination(timeout, unit));
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public void close() {
        try {
            Closing.shutdownAndAwait(delegate, () -> cancelDrained(delegate.shutdownNow()));
            reclaimer.clean();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public String toString() {
        return "LeakGuard[" + delegate + "]";
    }

    /** Passes {@code terminated} through, unregistering the Cleaner action if it is {@code true}. */
    private boolean unregisteredIfTerminated(boolean terminated) {
        if (terminated) {
            // Runs the action, which finds the executor shut down and does nothing.
            reclaimer.clean();
        }
        return terminated;
    }

    /**
     * Cancels the drained tasks that are futures: those the view stops on its own (closing while
     * interrupted, reclaiming) go back to no caller, and their {@code get()} would wait forever.
     */
    private static void cancelDrained(List<Runnable> drained) {
        for (Runnable task : drained) {
            if (task instanceof Future<?> future) {
                future.cancel(false);
            }
        }
    }

    /** Shuts down an executor whose guarded view was dropped while it was open, and warns. */
    private static final class Reclaimer implements Runnable {

        private final ExecutorService executor;
        private final String name;
        private final CreationSite site;

        Reclaimer(ExecutorService executor, String name, CreationSite site) {
            this.executor = executor;
            this.name = name;
            this.site = site;
        }

        @Override
        public void run() {
            try {
                if (executor.isShutdown()) {
                    return;
                }
                Reclamation.warnReclaiming(name, "running", site);
                cancelDrained(executor.shutdownNow());
            } catch (RuntimeException failure) {
                Reclamation.LOG.log(System.Logger.Level.WARNING,
                        "shutdownNow() of the reclaimed executor " + name + " threw", failure);
            }
        }
    }
}
