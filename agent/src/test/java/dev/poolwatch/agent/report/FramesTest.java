package dev.poolwatch.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class FramesTest {

    /** A stack as the registry captures it: innermost frame first. */
    static Throwable stack(String... classAndMethod) {
        Throwable site = new Throwable("created here");
        StackTraceElement[] frames = new StackTraceElement[classAndMethod.length];
        for (int i = 0; i < frames.length; i++) {
            int dot = classAndMethod[i].lastIndexOf('.');
            frames[i] = new StackTraceElement(classAndMethod[i].substring(0, dot), classAndMethod[i].substring(dot + 1),
                    classAndMethod[i].substring(classAndMethod[i].lastIndexOf('.', dot - 1) + 1, dot) + ".java", 10 + i);
        }
        site.setStackTrace(frames);
        return site;
    }

    private static final Throwable PER_REQUEST = stack(
            "dev.poolwatch.agent.bootstrap.PoolRegistry.created",
            "dev.poolwatch.agent.bootstrap.PoolEvents.created",
            "java.util.concurrent.ThreadPoolExecutor.<init>",
            "java.util.concurrent.Executors.newFixedThreadPool",
            "com.acme.Handler.handle",
            "com.sun.net.httpserver.Filter$Chain.doFilter",
            "com.acme.Server.serve",
            "com.acme.Main.main");

    @Test
    void a_stack_is_trimmed_to_its_first_application_frame_and_stack_depth_more() {
        assertEquals(List.of("com.acme.Handler.handle(Handler.java:14)", "com.sun.net.httpserver.Filter$Chain.doFilter(Filter$Chain.java:15)"),
                new Frames(1).trim(PER_REQUEST));
        assertEquals(List.of("com.acme.Handler.handle(Handler.java:14)"), new Frames(0).trim(PER_REQUEST));
        assertEquals(4, new Frames(100).trim(PER_REQUEST).size());
    }

    @Test
    void a_stack_without_application_frames_trims_to_nothing() {
        Throwable jdkOnly = stack("java.util.concurrent.ThreadPoolExecutor.<init>", "jdk.internal.misc.Main.run");
        assertEquals(List.of(), new Frames(5).trim(jdkOnly));
        assertNull(Frames.firstApplicationClass(jdkOnly));
        assertEquals(List.of(), new Frames(5).trim(null));
    }

    @Test
    void the_first_application_class_skips_jdk_agent_and_pool_library_frames() {
        assertEquals("com.acme.Handler", Frames.firstApplicationClass(PER_REQUEST));
        assertEquals("com.acme.Jobs", Frames.firstApplicationClass(stack(
                "dev.poolwatch.pool.ThreadPool.<init>", "dev.poolwatch.pool.ThreadPool$Builder.build", "com.acme.Jobs.run")));
    }

    @Test
    void a_pool_that_only_a_test_runner_created_has_no_application_frame() {
        assertNull(Frames.firstApplicationClass(stack(
                "java.util.concurrent.Executors.newScheduledThreadPool",
                "org.apache.maven.surefire.booter.spi.AbstractMasterProcessChannelProcessorFactory.<init>",
                "org.apache.maven.surefire.booter.ForkedBooter.main")));
        assertNull(Frames.firstApplicationClass(stack(
                "java.util.concurrent.ForkJoinPool.<init>",
                "org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService.<init>",
                "org.junit.platform.launcher.core.DefaultLauncher.execute",
                "worker.org.gradle.process.internal.worker.GradleWorkerMain.main")));
    }

    @Test
    void a_pool_a_test_creates_is_the_tests_even_when_a_runner_called_the_test() {
        assertEquals("com.acme.HandlerTest", Frames.firstApplicationClass(stack(
                "java.util.concurrent.Executors.newFixedThreadPool",
                "com.acme.HandlerTest.serves_two_requests",
                "org.junit.platform.commons.util.ReflectionUtils.invokeMethod",
                "org.junit.jupiter.engine.execution.MethodInvocation.proceed",
                "org.apache.maven.surefire.booter.ForkedBooter.main")));
        assertEquals("org.junit.jupiter.api.AssertTimeoutPreemptively", Frames.firstApplicationClass(stack(
                "java.util.concurrent.Executors.newSingleThreadExecutor",
                "org.junit.jupiter.api.AssertTimeoutPreemptively.assertTimeoutPreemptively",
                "com.acme.HandlerTest.answers_in_time")), "JUnit's API is called by the test, not a runner");
    }
}
