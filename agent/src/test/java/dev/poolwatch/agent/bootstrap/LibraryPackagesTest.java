package dev.poolwatch.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LibraryPackagesTest {

    @AfterEach
    void noLibraries() {
        LibraryPackages.set(new String[0]);
    }

    @Test
    void a_package_owns_everything_under_it_and_a_class_only_itself_and_its_nested_classes() {
        LibraryPackages.set(new String[] {"io.netty.", "com.acme.WorkerPool"});

        assertTrue(LibraryPackages.owns("io.netty.channel.nio.NioEventLoopGroup"));
        assertTrue(LibraryPackages.owns("com.acme.WorkerPool"));
        assertTrue(LibraryPackages.owns("com.acme.WorkerPool$Worker"));
        assertFalse(LibraryPackages.owns("com.acme.WorkerPoolLeak"), "a class whose name only starts the same");
        assertFalse(LibraryPackages.owns("io.nettyx.Other"));
    }
}
