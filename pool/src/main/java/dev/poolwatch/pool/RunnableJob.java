package dev.poolwatch.pool;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;

/**
 * A plain {@link Runnable} handed to {@code execute}. What it throws goes to the worker's
 * uncaught-exception handler, as with {@link java.util.concurrent.ThreadPoolExecutor}, but the
 * worker survives.
 */
final class RunnableJob implements Job {

    private final Runnable command;

    RunnableJob(Runnable command) {
        this.command = command;
    }

    @Override
    public void run() {
        try {
            command.run();
        } catch (Throwable failure) {
            Thread worker = Thread.currentThread();
            try {
                worker.getUncaughtExceptionHandler().uncaughtException(worker, failure);
            } catch (Throwable handlerFailure) {
                // A broken handler must not take the worker down with it.
            }
        }
    }

    /** A discarded command that is itself a future (invokeAny's, or a user's FutureTask) is cancelled. */
    @Override
    public void abandon(CancellationException reason) {
        if (command instanceof Future<?> future) {
            future.cancel(false);
        }
    }

    /** The caller's own command, as {@code ThreadPoolExecutor} hands it back. */
    @Override
    public Runnable handedBack() {
        return command;
    }
}
