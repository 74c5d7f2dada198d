package dev.poolwatch.pool;

import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The function of {@link ThreadPool#map(CheckedFunction, Iterable) map},
 * {@link ThreadPool#mapAsync(CheckedFunction, Iterable) mapAsync},
 * {@link ThreadPool#imap(CheckedFunction, Iterable) imap} and
 * {@link ThreadPool#imapUnordered(CheckedFunction, Iterable) imapUnordered}: one that may throw a
 * checked exception, as a function that sleeps or does I/O does, the way
 * {@link java.util.concurrent.Callable} may for {@link ThreadPool#apply apply}. What it throws is
 * delivered as {@code apply} delivers a task's exception: as the cause of the
 * {@link CompletionException} that {@code map} and {@code next()} throw, or of the
 * {@link java.util.concurrent.ExecutionException} of {@code get()}.
 *
 * <pre>{@code
 * List<String> pages = pool.map(url -> fetch(url), urls);   // fetch throws IOException
 * }</pre>
 *
 * <p>It is a {@link Function}, so that a lambda, which fits either, takes the overloads made for
 * this interface without ambiguity. Called as a {@code Function}, its {@link #apply} throws a
 * checked exception wrapped in a {@link CompletionException}.
 *
 * @param <A> the type of the input
 * @param <R> the type of the result
 */
@FunctionalInterface
public interface CheckedFunction<A, R> extends Function<A, R> {

    /**
     * Computes the result for one item.
     *
     * @param item the input
     * @return the result
     * @throws Exception if it cannot
     */
    R call(A item) throws Exception;

    /**
     * Calls {@link #call}; a checked exception it throws is wrapped in a
     * {@link CompletionException}, an unchecked one passes as it is.
     *
     * @param item the input
     * @return the result
     */
    @Override
    default R apply(A item) {
        try {
            return call(item);
        } catch (RuntimeException unchecked) {
            throw unchecked;
        } catch (Exception checked) {
            throw new CompletionException(checked);
        }
    }
}
