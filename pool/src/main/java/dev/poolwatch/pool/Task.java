package dev.poolwatch.pool;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One callable and its result: the job behind {@code apply}, {@code applyAsync}, {@code submit} and
 * {@code invoke*}.
 *
 * <p>{@code cancel(true)} interrupts the thread running this task, and only while it runs this
 * task: the runner is set and cleared under the task's lock, and interrupting goes through the same
 * lock.
 */
final class Task<T> extends Completion<T> implements Job, RunnableFuture<T> {

    private final Callable<T> callable;
    private Thread runner;

    Task(Callable<T> callable, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
        super(onSuccess, onError);
        this.callable = callable;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (isSettled()) {
                return;
            }
            runner = Thread.currentThread();
        }
        try {
            succeed(callable.call());
        } catch (Throwable failure) {
            fail(failure);
        } finally {
            synchronized (this) {
                runner = null;
            }
        }
    }

    @Override
    public void abandon(CancellationException reason) {
        fail(reason);
    }

    /** Itself: a {@code Future} already, whose {@code cancel} settles the result. */
    @Override
    public Runnable handedBack() {
        return this;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (!super.cancel(mayInterruptIfRunning)) {
            return false;
        }
        if (mayInterruptIfRunning) {
            synchronized (this) {
                if (runner != null) {
                    runner.interrupt();
                }
            }
        }
        return true;
    }

    @Override
    public boolean isCancelled() {
        return future.isCancelled();
    }

    @Override
    public boolean isDone() {
        return future.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        return future.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout, unit);
    }

    @Override
    public String toString() {
        return "Task[" + callable + "]";
    }
}
