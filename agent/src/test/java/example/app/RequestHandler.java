package example.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Application code, outside every package the agent counts as platform, so stacks captured while it
 * runs have an application frame like a real program's.
 */
public final class RequestHandler {

    private RequestHandler() {
    }

    /** Creates a pool per request, as the leak users meet most does, and tells {@code created} about it. */
    public static ExecutorService handleRequest(Consumer<Object> created) {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        created.accept(pool);
        return pool;
    }

    public static void submit(ExecutorService pool, Consumer<Object> rejected) {
        rejected.accept(pool);
    }

    /** Creates a pool with {@code factory} and tells {@code created} about it, keeping no reference. */
    public static void createdBy(Supplier<?> factory, Consumer<Object> created) {
        created.accept(factory.get());
    }

    /** Submits from {@code depth} nested calls: each depth is a different call path. */
    public static void submitFromDepth(ExecutorService pool, int depth, Consumer<Object> rejected) {
        if (depth == 0) {
            rejected.accept(pool);
        } else {
            submitFromDepth(pool, depth - 1, rejected);
        }
    }

    /** A method reference to a pool factory: its class is hidden, and defined in this class's loader. */
    public static Supplier<ExecutorService> singleThreadExecutorFactory() {
        return Executors::newSingleThreadExecutor;
    }

    public static void shutdown(ExecutorService pool, Consumer<Object> shutdown) {
        pool.shutdown();
        shutdown.accept(pool);
    }
}
