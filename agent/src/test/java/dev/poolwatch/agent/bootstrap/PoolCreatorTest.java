package dev.poolwatch.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.net.http.HttpClient;
import java.nio.channels.AsynchronousChannelGroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import example.app.RequestHandler;

/** Whose pool it is, judged from the frames' classes, innermost first, as a stack walk hands them over. */
class PoolCreatorTest {

    private static PoolCreator.Verdict verdict(Class<?>... frames) {
        PoolCreator creator = new PoolCreator(false);
        for (Class<?> frame : frames) {
            PoolCreator.Verdict verdict = creator.next(frame);
            if (verdict != PoolCreator.Verdict.UNDECIDED) {
                return verdict;
            }
        }
        return PoolCreator.Verdict.UNDECIDED;
    }

    private static Class<?> jdkInternal(String name) throws ClassNotFoundException {
        return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void a_pool_the_program_builds_through_the_executors_factories_is_the_programs() {
        assertEquals(PoolCreator.Verdict.PROGRAM, verdict(PoolEvents.class, ThreadPoolExecutor.class, Executors.class,
                RequestHandler.class, HttpClient.class));
    }

    @Test
    void a_pool_made_by_a_method_reference_the_jdk_calls_is_the_programs() {
        Supplier<ExecutorService> factory = RequestHandler.singleThreadExecutorFactory();
        assertEquals(true, factory.getClass().isHidden(), "a lambda's class is hidden: only a walk that shows hidden frames sees it");
        assertEquals(PoolCreator.Verdict.PROGRAM, verdict(ThreadPoolExecutor.class, Executors.class, factory.getClass(),
                ThreadLocal.class, RequestHandler.class));
    }

    @Test
    void a_pool_a_jdk_factory_builds_for_its_caller_is_the_callers() throws Exception {
        assertEquals(PoolCreator.Verdict.PROGRAM, verdict(ThreadPoolExecutor.class, Executors.class,
                jdkInternal("sun.nio.ch.ThreadPool"), AsynchronousChannelGroup.class, RequestHandler.class));
    }

    @Test
    void a_pool_built_by_reflection_is_the_callers() {
        assertEquals(PoolCreator.Verdict.PROGRAM, verdict(ThreadPoolExecutor.class, Constructor.class, RequestHandler.class));
    }

    @Test
    void a_pool_the_jdk_builds_for_itself_is_the_jdks_even_when_the_program_called_the_jdk() throws Exception {
        assertEquals(PoolCreator.Verdict.JDK, verdict(PoolEvents.class, ThreadPoolExecutor.class, Executors.class,
                jdkInternal("jdk.internal.net.http.HttpClientImpl"), HttpClient.class, RequestHandler.class));
        assertEquals(PoolCreator.Verdict.UNDECIDED, verdict(ForkJoinPool.class, CompletableFuture.class, Thread.class),
                "a stack with no frame of the program's is left undecided, which the capture takes as the JDK's");
    }
}
