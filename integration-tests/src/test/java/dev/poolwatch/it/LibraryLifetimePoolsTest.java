package dev.poolwatch.it;

import static dev.poolwatch.it.JsonReportFile.assertLeak;
import static dev.poolwatch.it.JsonReportFile.assertStartsWith;
import static dev.poolwatch.it.JsonReportFile.firstFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.common.util.concurrent.JdkFutureAdapters;
import com.google.common.util.concurrent.internal.InternalFutureFailureAccess;
import com.google.gson.JsonObject;

import dev.poolwatch.it.programs.GuavaAdapterPool;
import dev.poolwatch.it.programs.PoolHoldingClass;
import dev.poolwatch.it.programs.UsesPoolHoldingClass;

/**
 * A pool a library creates in a static initializer and holds for the life of the process (Guava's
 * {@code JdkFutureAdapters} keeps one, by design) is listed apart from the leaks, "held by" the
 * library's jar, and fails no run; {@code lifetimePools=leaks} reports it as a leak. A class is a
 * library's when it was loaded from a jar other than the one the program was started from: the same
 * class, loaded from a directory or from the program's own jar, holds a leak of the program's.
 */
class LibraryLifetimePoolsTest {

    private static final String TPE = "java.util.concurrent.ThreadPoolExecutor";
    private static final String ADAPTER = "com.google.common.util.concurrent.JdkFutureAdapters$ListenableFutureAdapter";
    private static final String HOLDER = PoolHoldingClass.class.getName();

    @TempDir
    Path temp;

    private final ForkedJvm guava = new ForkedJvm().classPathOf(GuavaAdapterPool.class, JdkFutureAdapters.class,
            InternalFutureFailureAccess.class);

    private Path json() {
        return temp.resolve("poolwatch.json");
    }

    @Test
    void guavas_adapter_pool_is_listed_apart_as_held_by_guava_and_does_not_fail_the_run() throws Exception {
        ForkedJvm.Result result = guava.agent("failOnLeak=true,report=" + json()).run(GuavaAdapterPool.class);

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("listener ran", "result: done"), result.stdoutLines());
        List<String> stderr = result.stderrLines();
        assertEquals("poolwatch: 2 pools seen, none leaked; 1 pool held by libraries for the life of the process, not leaks",
                stderr.get(0));
        assertStartsWith("Held by libraries for the life of the process, not leaks: each was created in the static"
                + " initializer of a class loaded from a library's jar", stderr.get(2));
        String guavaJar = jarName(JdkFutureAdapters.class);
        assertEquals(" - 1 × " + TPE + " held by " + guavaJar + " for the life of the process", stderr.get(3));
        assertEquals("   created in the static initializer of " + ADAPTER + ", by thread \"main\", at:", stderr.get(4));
        assertStartsWith("      at " + ADAPTER + ".<clinit>(", stderr.get(5));
        assertTrue(stderr.contains("      at " + GuavaAdapterPool.class.getName() + ".main(GuavaAdapterPool.java:28)"),
                result.stderr());

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(2, 0, 0);
        assertEquals(1, report.summary("heldByLibraries"));
        JsonObject held = report.json().getAsJsonArray("heldByLibraries").get(0).getAsJsonObject();
        assertEquals(TPE, held.get("poolType").getAsString());
        assertEquals(guavaJar, held.get("library").getAsString());
        assertEquals(ADAPTER, held.get("holder").getAsString());
        assertStartsWith(ADAPTER + ".<clinit>(", firstFrame(held, "creationSite"));
    }

    @Test
    void lifetime_pools_leaks_reports_guavas_adapter_pool_as_a_leak_and_fails_the_run() throws Exception {
        ForkedJvm.Result result = guava.agent("failOnLeak=true,lifetimePools=leaks,report=" + json()).run(GuavaAdapterPool.class);

        assertEquals(3, result.exitCode(), result.stderr());
        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(2, 1, 0);
        assertEquals(0, report.summary("heldByLibraries"));
        assertLeak(report.onlyLeak(), "OPEN_IDLE", TPE, 1, ADAPTER + ".<clinit>(");
    }

    @Test
    void a_class_loaded_from_a_library_jar_holds_its_static_pool_apart() throws Exception {
        Path holderJar = jar("holder.jar", PoolHoldingClass.class);
        ForkedJvm jvm = new ForkedJvm().classPath(List.of(holderJar)).classPathOf(UsesPoolHoldingClass.class);

        JsonReportFile report = runHoldingClass(jvm, UsesPoolHoldingClass.class.getName());

        report.assertSummary(1, 0, 0);
        JsonObject held = report.json().getAsJsonArray("heldByLibraries").get(0).getAsJsonObject();
        assertEquals("holder.jar", held.get("library").getAsString());
        assertEquals(HOLDER, held.get("holder").getAsString());
    }

    @Test
    void the_same_class_loaded_from_the_programs_classes_leaks_its_static_pool() throws Exception {
        ForkedJvm jvm = new ForkedJvm().classPathOf(UsesPoolHoldingClass.class);

        JsonReportFile report = runHoldingClass(jvm, UsesPoolHoldingClass.class.getName());

        assertProgramsOwnLeak(report);
    }

    @Test
    void the_same_class_loaded_from_the_jar_the_program_runs_from_leaks_its_static_pool() throws Exception {
        Path programJar = jar("program.jar", PoolHoldingClass.class, UsesPoolHoldingClass.class);
        ForkedJvm jvm = new ForkedJvm().classPath(List.of(programJar));

        JsonReportFile report = runHoldingClass(jvm, UsesPoolHoldingClass.class.getName());

        assertProgramsOwnLeak(report);
    }

    private JsonReportFile runHoldingClass(ForkedJvm jvm, String mainClass) throws Exception {
        ForkedJvm.Result result = jvm.agent("report=" + json()).run(mainClass);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("ran on the held pool"), result.stdoutLines());
        return JsonReportFile.read(json());
    }

    private static void assertProgramsOwnLeak(JsonReportFile report) {
        report.assertSummary(1, 1, 0);
        assertEquals(0, report.summary("heldByLibraries"));
        assertLeak(report.onlyLeak(), "OPEN_IDLE", TPE, 1, HOLDER + ".<clinit>(");
    }

    /** A jar named {@code name} in the test's directory, of the class files of {@code classes} and their nested classes. */
    private Path jar(String name, Class<?>... classes) throws IOException, URISyntaxException {
        Path jar = temp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type : classes) {
                Path root = Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path packageDir = root.resolve(type.getPackageName().replace('.', '/'));
                try (var files = Files.list(packageDir)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().startsWith(type.getSimpleName() + ".")
                            || f.getFileName().toString().startsWith(type.getSimpleName() + "$")).toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(file));
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    private static String jarName(Class<?> type) throws URISyntaxException {
        return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }
}
