package dev.poolwatch.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.concurrent.ThreadPoolExecutor;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestEngine;

import dev.poolwatch.pool.ThreadPool;
import example.app.RequestHandler;

class ApplicationFramesTest {

    @Test
    void application_classes_are_neither_the_platforms_nor_the_agents_nor_the_pool_librarys_nor_a_runners() {
        assertEquals(true, ApplicationFrames.isApplication(RequestHandler.class));
        assertEquals(false, ApplicationFrames.isApplication(ThreadPoolExecutor.class));
        assertEquals(false, ApplicationFrames.isApplication(PoolRegistry.class));
        assertEquals(false, ApplicationFrames.isApplication(ThreadPool.class));
        assertEquals(false, ApplicationFrames.isApplication(TestEngine.class));
        assertEquals(false, ApplicationFrames.isApplication(org.junit.jupiter.api.Assertions.class),
                "JUnit's API: what it creates for itself (the @Timeout pool of its root store) is no test's");
    }

    @Test
    void the_test_api_between_two_application_frames_is_left_out_without_ending_the_site() {
        assertEquals(true, ApplicationFrames.isPlumbing(org.junit.jupiter.api.Assertions.class));
        assertEquals(false, ApplicationFrames.isRunner(org.junit.jupiter.api.Assertions.class.getName()));
        assertEquals(false, ApplicationFrames.isPlumbing(RequestHandler.class));
    }

    @Test
    void platform_classes_are_told_by_class_loader_whatever_their_package() {
        assertEquals(true, PlatformClasses.isPlatform(String.class));
        assertEquals(true, PlatformClasses.isPlatform(java.sql.Connection.class), "the platform loader's");
        assertEquals(false, PlatformClasses.isPlatform(RequestHandler.class));
        assertEquals(true, PlatformClasses.isCallPlumbing(Method.class));
        assertEquals(false, PlatformClasses.isCallPlumbing(ThreadPoolExecutor.class));
    }
}
