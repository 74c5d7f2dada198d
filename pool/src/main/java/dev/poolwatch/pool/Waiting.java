package dev.poolwatch.pool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Blocking waits for the methods whose signatures cannot throw checked exceptions
 * ({@code apply}, {@code map}, {@code next}): failures become {@link CompletionException}s, and an
 * interrupt is restored on the thread before it is reported the same way.
 */
final class Waiting {

    private Waiting() {
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException failed) {
            throw asCompletionException(failed);
        } catch (InterruptedException interrupted) {
            throw interrupted(interrupted);
        }
    }

    static CompletionException asCompletionException(ExecutionException failed) {
        return new CompletionException(failed.getCause());
    }

    static CompletionException interrupted(InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return new CompletionException("Interrupted while waiting for a ThreadPool result", interrupted);
    }
}
