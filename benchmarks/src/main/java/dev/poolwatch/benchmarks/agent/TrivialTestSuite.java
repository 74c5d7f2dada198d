package dev.poolwatch.benchmarks.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A suite of trivial JUnit 5 tests, written as source and compiled into a directory: {@link #CLASSES}
 * classes of {@link #TESTS_PER_CLASS} {@code @Test} methods each, each method one assertion on an int.
 * Plain classes and methods, as a project's unit tests are, so that what the JUnit listener does per
 * class ({@code @BeforeAll} scope) and per test is paid as often as in such a project.
 */
final class TrivialTestSuite {

    static final int CLASSES = 100;
    static final int TESTS_PER_CLASS = 20;
    static final String PACKAGE = "trivial";

    private TrivialTestSuite() {
    }

    static int tests() {
        return CLASSES * TESTS_PER_CLASS;
    }

    /** Writes the suite's sources under {@code directory} and compiles them into {@code directory/classes}. */
    static Path compile(Path directory, Path jupiterApi) throws IOException {
        Path sources = Files.createDirectories(directory.resolve("src").resolve(PACKAGE));
        Path classes = Files.createDirectories(directory.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", jupiterApi.toString(),
                "-nowarn", "-proc:none"));
        for (int i = 0; i < CLASSES; i++) {
            String name = String.format(Locale.ROOT, "Trivial%03dTest", i);
            Path source = sources.resolve(name + ".java");
            Files.writeString(source, source(name, i), StandardCharsets.UTF_8);
            arguments.add(source.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
                    + ": run this with a JDK");
        }
        if (compiler.run(null, null, null, arguments.toArray(new String[0])) != 0) {
            throw new IllegalStateException("the trivial tests did not compile: " + sources);
        }
        return classes;
    }

    private static String source(String className, int classNumber) {
        StringBuilder source = new StringBuilder();
        source.append("package ").append(PACKAGE).append(";\n\n")
                .append("import static org.junit.jupiter.api.Assertions.assertEquals;\n\n")
                .append("import org.junit.jupiter.api.Test;\n\n")
                .append("class ").append(className).append(" {\n");
        for (int test = 0; test < TESTS_PER_CLASS; test++) {
            int value = classNumber * TESTS_PER_CLASS + test;
            source.append(String.format(Locale.ROOT,
                    "\n    @Test\n    void test%02d() {\n        assertEquals(%d, Integer.sum(%d, 1) - 1);\n    }\n",
                    test, value, value));
        }
        return source.append("}\n").toString();
    }
}
