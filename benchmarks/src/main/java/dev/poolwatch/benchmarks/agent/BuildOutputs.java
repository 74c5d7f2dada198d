package dev.poolwatch.benchmarks.agent;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The files of the build that the harnesses hand to the JVMs they start, found from the repository
 * root, where {@code benchmarks/run} runs them.
 */
final class BuildOutputs {

    /** Where the benchmarks module's build copies the JUnit Platform and the JUnit listener's jars. */
    private static final Path JUNIT_SUITE_LIBRARIES = Paths.get("benchmarks/target/junit-suite");

    private BuildOutputs() {
    }

    static Path agentJar() {
        return existing(Paths.get("agent/target/poolwatch-agent.jar"));
    }

    /** The jar (or directory) these classes were loaded from: the class path of a harness's own programs. */
    static Path ownClassPath() {
        try {
            return existing(Paths.get(BuildOutputs.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the class path of " + BuildOutputs.class, e);
        }
    }

    /** A jar copied for the JUnit suite: {@code junit-platform-console-standalone.jar}, ... */
    static Path junitSuiteLibrary(String fileName) {
        return existing(JUNIT_SUITE_LIBRARIES.resolve(fileName));
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path.toAbsolutePath() + " does not exist: run"
                    + " `mvn -B -ntp install -DskipTests` from the repository root first, and run this from there");
        }
        return path.toAbsolutePath();
    }
}
