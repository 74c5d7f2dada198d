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
 * @param libraryPackages the prefixes of the kind's own frames: its library's packages, e.g. {@code io.netty.}, or
 *     for a kind of the program's, its class
 * @param busyProbe the public getters, chained with dots, that count what a pool has in use at exit
 *     ({@code getBusyThreads}, {@code getTotalStats.getLeased}): cheap, and read only for the report;
 *     {@code null} where there is none
 */
public record LibraryKind(String name, String className, List<String> closeMethods, List<String> libraryPackages,
        String busyProbe) {

    public LibraryKind {
        closeMethods = List.copyOf(closeMethods);
        libraryPackages = List.copyOf(libraryPackages);
    }

    /** A kind whose own frames are those of one package, or class. */
    public LibraryKind(String name, String className, List<String> closeMethods, String libraryPackage, String busyProbe) {
        this(name, className, closeMethods, List.of(libraryPackage), busyProbe);
    }

    /** A kind with no busy probe. */
    public LibraryKind(String name, String className, List<String> closeMethods, String libraryPackage) {
        this(name, className, closeMethods, libraryPackage, null);
    }

    /** The kinds the agent knows without being told. */
    public static List<LibraryKind> builtIn() {
        return List.of(
                // Netty 4.1's NioEventLoopGroup and 4.2's MultiThreadIoEventLoopGroup both extend it.
                new LibraryKind("netty", "io.netty.util.concurrent.MultithreadEventExecutorGroup",
                        List.of("shutdownGracefully", "shutdown", "close"), "io.netty."),
                new LibraryKind("hikari", "com.zaxxer.hikari.HikariDataSource", List.of("close", "shutdown"),
                        "com.zaxxer.hikari.", "getHikariPoolMXBean.getActiveConnections"),
                // stop() is its lifecycle's (AbstractLifeCycle); the pool's own part of it is doStop().
                new LibraryKind("jetty", "org.eclipse.jetty.util.thread.QueuedThreadPool", List.of("stop", "doStop"),
                        "org.eclipse.jetty.", "getBusyThreads"),
                // Tomcat's request pool: a copy of the JDK's class, not a subclass. Its connector, its server
                // and the lifecycle between them are its own frames, so that the site is the line that started
                // Tomcat; the utility executor the server makes itself is Tomcat's, as Hikari's pools are Hikari's.
                new LibraryKind("tomcat", "org.apache.tomcat.util.threads.ThreadPoolExecutor",
                        List.of("shutdown", "shutdownNow"),
                        List.of("org.apache.tomcat.", "org.apache.catalina.", "org.apache.coyote."), "getActiveCount"),
                new LibraryKind("commons-pool2", "org.apache.commons.pool2.impl.GenericObjectPool", List.of("close"),
                        "org.apache.commons.pool2.", "getNumActive"),
                new LibraryKind("commons-pool2", "org.apache.commons.pool2.impl.GenericKeyedObjectPool", List.of("close"),
                        "org.apache.commons.pool2.", "getNumActive"),
                new LibraryKind("httpclient5", "org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager",
                        List.of("close"), "org.apache.hc.", "getTotalStats.getLeased"));
    }
}
