package dev.poolwatch.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import example.app.RequestHandler;

/**
 * Sites captured from this test's real stack, run by JUnit under Surefire: the agent's and this
 * test's classes ({@code dev.poolwatch.agent.}) are never the application, {@link RequestHandler}
 * is.
 */
class SiteCaptureTest {

    private static List<String> capturedInRequestHandler(int stackDepth) {
        AtomicReference<Site> site = new AtomicReference<>();
        RequestHandler.createdBy(() -> SiteCapture.here(stackDepth), captured -> site.set((Site) captured));
        return site.get().frames();
    }

    @Test
    void a_site_starts_at_the_first_application_frame_and_keeps_at_most_stack_depth_frames_after_it() {
        List<String> site = capturedInRequestHandler(1);
        assertEquals(2, site.size(), site.toString());
        assertTrue(site.get(0).startsWith("example.app.RequestHandler.createdBy(RequestHandler.java:"), site.toString());
        assertTrue(site.get(1).startsWith(SiteCaptureTest.class.getName() + ".capturedInRequestHandler("), site.toString());
        assertEquals(1, capturedInRequestHandler(0).size());
    }

    @Test
    void a_site_leaves_out_reflection_and_ends_at_the_test_runner_that_called_the_test() {
        List<String> site = capturedInRequestHandler(100);
        assertEquals(SiteCaptureTest.class.getName() + ".a_site_leaves_out_reflection_and_ends_at_the_test_runner_that_called_the_test",
                site.get(site.size() - 1).replaceAll("\\(.*", ""), site.toString());
        assertTrue(site.stream().noneMatch(frame -> frame.contains("java.lang.reflect.") || frame.contains("jdk.internal.reflect.")
                || frame.contains("org.junit.")), site.toString());
    }

    @Test
    void a_stack_without_application_frames_gives_an_empty_site() {
        Site site = SiteCapture.here(5);
        assertTrue(site.isEmpty(), site.frames().toString());
        assertNull(site.firstApplicationClass());
    }

    @Test
    void the_jdks_own_pool_creation_gives_no_site_and_the_programs_does() throws Exception {
        assertNull(CompletableFuture.supplyAsync(() -> SiteCapture.ofPoolCreation(5)).get(),
                "on a common pool worker, nothing but the JDK's frames below this test's own, which count as the agent's");
        AtomicReference<Object> site = new AtomicReference<>();
        RequestHandler.createdBy(() -> SiteCapture.ofPoolCreation(5), site::set);
        assertEquals("example.app.RequestHandler", ((Site) site.get()).firstApplicationClass());
    }
}
