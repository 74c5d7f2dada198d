package dev.poolwatch.pool;

import java.util.function.Consumer;

/** Runs user callbacks so that one that throws never kills a worker or loses another result. */
final class Callbacks {

    private static final System.Logger LOG = System.getLogger("dev.poolwatch.pool");

    private Callbacks() {
    }

    static <T> void run(Consumer<? super T> callback, T argument) {
        if (callback == null) {
            return;
        }
        try {
            callback.accept(argument);
        } catch (Throwable failure) {
            LOG.log(System.Logger.Level.WARNING,
                    "A ThreadPool result callback threw; the result itself is kept", failure);
        }
    }
}
