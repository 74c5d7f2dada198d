package dev.poolwatch.pool;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The pools a test creates, terminated after it whatever its outcome: a failed test leaves no
 * worker blocked on a latch, and no pool for the Cleaner to warn about while a later test counts
 * warnings. Register it with {@code @RegisterExtension}.
 */
final class Pools implements AfterEachCallback {

    private final List<ThreadPool> created = new CopyOnWriteArrayList<>();

    /** Creates a pool of {@code processes} workers, terminated after the test. */
    ThreadPool of(int processes) {
        return add(new ThreadPool(processes));
    }

    /** Terminates {@code pool} after the test. */
    ThreadPool add(ThreadPool pool) {
        created.add(pool);
        return pool;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (ThreadPool pool : created) {
            pool.terminate();
        }
        for (ThreadPool pool : created) {
            if (!pool.awaitTermination(Await.SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(pool + " did not terminate within " + Await.SECONDS + " s after the test");
            }
        }
        created.clear();
    }
}
