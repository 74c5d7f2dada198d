package dev.poolwatch.it;

import static dev.poolwatch.it.JsonReportFile.assertLeak;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.HttpHost;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonObject;
import com.zaxxer.hikari.HikariDataSource;

import dev.poolwatch.it.programs.NettyGroupAfterAttach;
import dev.poolwatch.samples.libraries.HikariDataSourceClean;
import dev.poolwatch.samples.libraries.HikariDataSourceLeak;
import dev.poolwatch.samples.libraries.JettyThreadPoolLeak;
import dev.poolwatch.samples.libraries.NettyGroupClean;
import dev.poolwatch.samples.libraries.NettyGroupLeak;
import dev.poolwatch.samples.libraries.NettyNioGroupLeak;
import dev.poolwatch.samples.libraries.WorkerPoolLeak;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.resolver.AddressResolver;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * The pools of libraries (a Netty event loop group, a HikariCP data source, a Jetty thread pool, a
 * commons-pool2 object pool, an HttpClient 5 connection manager) that the agent weaves with
 * ASM once their classes load, in the sample programs: a leaked one is one leak, of its kind,
 * at the program's line, with the kind's own close method as the fix; a closed one is nothing; the
 * JDK pools Hikari keeps for itself are the data source's, never leaks of their own. A program's own
 * pool class is watched the same way from the README's kinds file, and a bad file stops the JVM.
 */
class LibraryPoolsTest {

    @TempDir
    Path temp;

    private final ForkedJvm netty = new ForkedJvm().classPathOf(NettyGroupLeak.class, EventLoopGroup.class,
            EventExecutorGroup.class, ByteBuf.class, AddressResolver.class);
    private final ForkedJvm others = new ForkedJvm().classPathOf(JettyThreadPoolLeak.class, QueuedThreadPool.class,
            GenericObjectPool.class, PoolingHttpClientConnectionManager.class, HttpHost.class, org.slf4j.LoggerFactory.class);
    private final ForkedJvm hikari = new ForkedJvm().classPathOf(HikariDataSourceLeak.class, HikariDataSource.class,
            org.h2.Driver.class, org.slf4j.LoggerFactory.class);

    private JsonReportFile run(ForkedJvm jvm, Class<?> program) throws Exception {
        runReporting(jvm, program);
        return JsonReportFile.read(json());
    }

    /** Runs {@code program} under the agent, its JSON report at {@link #json()}; it exits with status 0. */
    private ForkedJvm.Result runReporting(ForkedJvm jvm, Class<?> program) throws Exception {
        ForkedJvm.Result result = jvm.agent("report=" + json()).run(program);
        assertEquals(0, result.exitCode(), result.stderr());
        return result;
    }

    private Path json() {
        return temp.resolve("poolwatch.json");
    }

    @Test
    void a_netty_group_never_shut_down_is_one_leak_of_its_kind_at_the_program_line() throws Exception {
        ForkedJvm.Result result = runReporting(netty, NettyGroupLeak.class);

        assertOneIdleLeakOfKind(json(), result, 1, "io.netty.channel.MultiThreadIoEventLoopGroup", "netty",
                "dev.poolwatch.samples.libraries.NettyGroupLeak.main(NettyGroupLeak.java:", "shutdownGracefully");
    }

    @Test
    void a_netty_4_1_nio_group_never_shut_down_is_one_leak_too() throws Exception {
        List<Path> netty41 = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Paths.get(System.getProperty("poolwatch.netty41")))) {
            jars.sorted().forEach(netty41::add);
        }
        assertEquals(4, netty41.size(), netty41.toString());
        ForkedJvm jvm = new ForkedJvm().classPathOf(NettyNioGroupLeak.class).classPath(netty41);

        ForkedJvm.Result result = runReporting(jvm, NettyNioGroupLeak.class);

        assertOneIdleLeakOfKind(json(), result, 1, "io.netty.channel.nio.NioEventLoopGroup", "netty",
                "dev.poolwatch.samples.libraries.NettyNioGroupLeak.main(NettyNioGroupLeak.java:", "shutdownGracefully");
    }

    @Test
    void a_netty_group_shut_down_gracefully_is_no_leak_while_its_threads_still_go() throws Exception {
        run(netty, NettyGroupClean.class).assertSummary(1, 0, 0);
    }

    @Test
    void a_hikari_data_source_never_closed_is_one_leak_not_the_jdk_pools_hikari_keeps_for_it() throws Exception {
        ForkedJvm.Result result = runReporting(hikari, HikariDataSourceLeak.class);

        assertOneIdleLeakOfKind(json(), result, 1, "com.zaxxer.hikari.HikariDataSource", "hikari",
                "dev.poolwatch.samples.libraries.HikariDataSourceLeak.main(HikariDataSourceLeak.java:", "close");
    }

    @Test
    void a_hikari_data_source_closed_leaves_nothing() throws Exception {
        run(hikari, HikariDataSourceClean.class).assertSummary(1, 0, 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            JettyThreadPoolLeak   | org.eclipse.jetty.util.thread.QueuedThreadPool                        | jetty         | stop
            ObjectPoolLeak        | org.apache.commons.pool2.impl.GenericObjectPool                       | commons-pool2 | close
            KeyedObjectPoolLeak   | org.apache.commons.pool2.impl.GenericKeyedObjectPool                  | commons-pool2 | close
            ConnectionManagerLeak | org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager | httpclient5   | close
            """)
    void a_pool_of_jetty_commons_pool2_or_httpclient5_never_closed_is_one_leak_of_its_kind(String program, String poolType,
            String kind, String closeMethod) throws Exception {
        Path json = temp.resolve("poolwatch.json");
        ForkedJvm.Result result = others.agent("report=" + json).run("dev.poolwatch.samples.libraries." + program);
        assertEquals(0, result.exitCode(), result.stderr());

        assertOneIdleLeakOfKind(json, result, 1, poolType, kind,
                "dev.poolwatch.samples.libraries." + program + ".main(" + program + ".java:", closeMethod);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            JettyThreadPoolLeak | busy     | org.eclipse.jetty.util.thread.QueuedThreadPool  | getBusyThreads()
            ObjectPoolLeak      | borrowed | org.apache.commons.pool2.impl.GenericObjectPool | getNumActive()
            """)
    void a_library_pool_in_use_at_exit_is_busy_by_its_kind_own_count(String program, String argument, String poolType,
            String probe) throws Exception {
        Path json = temp.resolve("poolwatch.json");
        ForkedJvm.Result result = others.agent("report=" + json).run("dev.poolwatch.samples.libraries." + program, argument);
        assertEquals(0, result.exitCode(), result.stderr());

        JsonObject leak = JsonReportFile.read(json).onlyLeak();
        assertLeak(leak, "OPEN_BUSY", poolType, 1, "dev.poolwatch.samples.libraries." + program + ".main(" + program + ".java:");
        assertEquals(1, leak.get("active").getAsInt(), leak.toString());
        assertTrue(result.stderr().contains("   at exit: 1 in use (" + probe + ")"), result.stderr());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            JettyThreadPoolClean  |
            ObjectPoolLeak        | close
            KeyedObjectPoolLeak   | close
            ConnectionManagerLeak | close
            """)
    void a_pool_of_jetty_commons_pool2_or_httpclient5_closed_leaves_nothing(String program, String argument) throws Exception {
        Path json = temp.resolve("poolwatch.json");
        ForkedJvm.Result result = others.agent("report=" + json).run("dev.poolwatch.samples.libraries." + program,
                argument == null ? new String[0] : new String[] {argument});
        assertEquals(0, result.exitCode(), result.stderr());

        JsonReportFile.read(json).assertSummary(1, 0, 0);
    }

    @Test
    void an_agent_attached_after_netty_loaded_weaves_it_then_and_sees_the_group_leaked_after() throws Exception {
        Path json = temp.resolve("poolwatch.json");
        ForkedJvm jvm = new ForkedJvm().classPathOf(NettyGroupAfterAttach.class, EventLoopGroup.class,
                EventExecutorGroup.class, ByteBuf.class, AddressResolver.class).jvmOption("-Djdk.attach.allowAttachSelf=true");

        ForkedJvm.Result result = jvm.run(NettyGroupAfterAttach.class, ForkedJvm.agentJar().toString(), "report=" + json);

        assertEquals(0, result.exitCode(), result.stderr());
        JsonReportFile report = JsonReportFile.read(json);
        report.assertSummary(1, 1, 0);
        assertLeak(report.onlyLeak(), "OPEN_IDLE", "io.netty.channel.MultiThreadIoEventLoopGroup", 1,
                "dev.poolwatch.it.programs.NettyGroupAfterAttach.leak(NettyGroupAfterAttach.java:");
    }

    @Test
    void a_kind_of_the_program_from_the_readme_kinds_file_is_watched_like_a_library_pool() throws Exception {
        Path kinds = Files.writeString(temp.resolve("poolwatch-kinds.txt"), ReadmeRecipe.kindsFileExample());
        Path json = temp.resolve("poolwatch.json");

        ForkedJvm.Result result = new ForkedJvm().classPathOf(WorkerPoolLeak.class)
                .agent("kinds=" + kinds + ",report=" + json).run(WorkerPoolLeak.class);

        assertEquals(0, result.exitCode(), result.stderr());
        assertOneIdleLeakOfKind(json, result, 2, "dev.poolwatch.samples.libraries.WorkerPool", "workers",
                "dev.poolwatch.samples.libraries.WorkerPoolLeak.main(WorkerPoolLeak.java:13)", "stop");
    }

    @Test
    void a_bad_kinds_file_stops_the_jvm_at_start_up_naming_the_line() throws Exception {
        Path kinds = Files.writeString(temp.resolve("poolwatch-kinds.txt"),
                "# ours\nworkers dev.poolwatch.samples.libraries.WorkerPool stop;close\n");

        ForkedJvm.Result result = new ForkedJvm().classPathOf(WorkerPoolLeak.class).agent("kinds=" + kinds)
                .run(WorkerPoolLeak.class);

        assertEquals(1, result.exitCode(), result.stderr());
        assertEquals("poolwatch: kinds file " + kinds + ", line 2: 'stop;close' is not a list of method names separated"
                + " by ',' (in -javaagent:...=kinds=" + kinds + ")", result.stderr().strip());
    }

    /**
     * The report at {@code json} counts {@code poolsCreated} pools and holds one leak: an idle pool of
     * {@code poolType} and {@code kind}, created at {@code firstFrame}, whose fix on the console names
     * {@code closeMethod}.
     */
    private static void assertOneIdleLeakOfKind(Path json, ForkedJvm.Result result, long poolsCreated, String poolType,
            String kind, String firstFrame, String closeMethod) throws Exception {
        JsonReportFile report = JsonReportFile.read(json);
        report.assertSummary(poolsCreated, 1, 0);
        JsonObject leak = report.onlyLeak();
        assertLeak(leak, "OPEN_IDLE", poolType, 1, firstFrame);
        assertEquals(kind, leak.get("poolKind").getAsString(), leak.toString());
        assertTrue(result.stderr().contains("   fix: call " + closeMethod + "() when done with it"), result.stderr());
    }
}
