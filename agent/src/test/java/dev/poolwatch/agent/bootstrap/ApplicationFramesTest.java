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
        assertEquals(true, ApplicationFrames.isApplication(org.junit.jupiter.api.Assertions.class),
                "JUnit's API is called by the test, not a runner");
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
