package dev.poolwatch.agent.library;

import java.util.List;

/**
 * A kind of pool a library defines, as data: the class whose instances are the pools (its
 * subclasses are recorded too, by their own class, since they run its constructors), the methods
 * that close one, and the package whose frames are the library's own.
 *
 * @param name the kind's short name, e.g. {@code netty}
 * @param className the binary name of the class whose constructors create a pool
 * @param closeMethods the names of the methods that close a pool, the one to call first (the fix names
 *     it); calling any that the class itself declares counts, whatever its arguments
 * @param libraryPackage the prefix of the kind's own frames: its library's package, e.g. {@code io.netty.}, or
 *     for a kind of the program's, its class
 */
public record LibraryKind(String name, String className, List<String> closeMethods, String libraryPackage) {

    public LibraryKind {
        closeMethods = List.copyOf(closeMethods);
    }

    /** The kinds the agent knows without being told. */
    public static List<LibraryKind> builtIn() {
        return List.of(
                // Netty 4.1's NioEventLoopGroup and 4.2's MultiThreadIoEventLoopGroup both extend it.
                new LibraryKind("netty", "io.netty.util.concurrent.MultithreadEventExecutorGroup",
                        List.of("shutdownGracefully", "shutdown", "close"), "io.netty."),
                new LibraryKind("hikari", "com.zaxxer.hikari.HikariDataSource", List.of("close", "shutdown"),
                        "com.zaxxer.hikari."),
                // stop() is its lifecycle's (AbstractLifeCycle); the pool's own part of it is doStop().
                new LibraryKind("jetty", "org.eclipse.jetty.util.thread.QueuedThreadPool", List.of("stop", "doStop"),
                        "org.eclipse.jetty."),
                new LibraryKind("commons-pool2", "org.apache.commons.pool2.impl.GenericObjectPool", List.of("close"),
                        "org.apache.commons.pool2."),
                new LibraryKind("commons-pool2", "org.apache.commons.pool2.impl.GenericKeyedObjectPool", List.of("close"),
                        "org.apache.commons.pool2."),
                new LibraryKind("httpclient5", "org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager",
                        List.of("close"), "org.apache.hc."));
    }
}
