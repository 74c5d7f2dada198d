package dev.poolwatch.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.invoke.MethodType;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class PoolCreatorTest {

    /** A frame with only a class name, which is all the judgement reads. */
    private record Frame(String getClassName) implements StackWalker.StackFrame {
        @Override
        public String getMethodName() {
            return "m";
        }

        @Override
        public Class<?> getDeclaringClass() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MethodType getMethodType() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getDescriptor() {
            return "()V";
        }

        @Override
        public int getByteCodeIndex() {
            return 0;
        }

        @Override
        public String getFileName() {
            return null;
        }

        @Override
        public int getLineNumber() {
            return -1;
        }

        @Override
        public boolean isNativeMethod() {
            return false;
        }

        @Override
        public StackTraceElement toStackTraceElement() {
            return new StackTraceElement(getClassName, "m", null, -1);
        }
    }

    private static boolean createdByJdk(String... classNames) {
        return new PoolCreator().apply(Stream.of(classNames).map(Frame::new));
    }

    @Test
    void a_pool_the_program_builds_through_the_executors_factories_is_the_programs() {
        assertEquals(false, createdByJdk("dev.poolwatch.agent.bootstrap.PoolEvents",
                "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.Executors",
                "com.acme.Handler", "com.sun.net.httpserver.Filter$Chain"));
        assertEquals(false, createdByJdk("java.util.concurrent.ForkJoinPool",
                "java.util.concurrent.Executors$AutoShutdownDelegatedExecutorService", "com.acme.Main"));
        assertEquals(false, createdByJdk("dev.poolwatch.pool.ThreadPool", "dev.poolwatch.pool.ThreadPool$Builder",
                "com.acme.Jobs"));
    }

    @Test
    void a_pool_the_jdk_builds_for_itself_is_the_jdks() {
        assertEquals(true, createdByJdk("dev.poolwatch.agent.bootstrap.PoolEvents",
                "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.Executors",
                "jdk.internal.net.http.HttpClientImpl", "com.acme.Main"));
        assertEquals(true, createdByJdk("java.util.concurrent.ForkJoinPool", "java.lang.VirtualThread", "com.acme.Main"));
        assertEquals(true, createdByJdk("java.util.concurrent.ForkJoinPool"));
    }

    @Test
    void jdk_classes_are_told_by_their_package() {
        assertEquals(true, PoolCreator.isJdkClass("java.util.concurrent.ForkJoinPool"));
        assertEquals(true, PoolCreator.isJdkClass("sun.nio.ch.Poller"));
        assertEquals(true, PoolCreator.isJdkClass("com.sun.net.httpserver.HttpServer"));
        assertEquals(false, PoolCreator.isJdkClass("com.sunrise.App"));
        assertEquals(false, PoolCreator.isJdkClass("javafx2.App"));
    }
}
