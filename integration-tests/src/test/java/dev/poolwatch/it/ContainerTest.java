package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.ToStringConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import com.github.dockerjava.api.DockerClient;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.poolwatch.samples.PerRequestPoolServer;

/**
 * The leaky HTTP server sample, run with the agent in a container of the JDK the tests run on, and
 * stopped the way Docker and Kubernetes stop it: SIGTERM. The report written as the JVM goes down
 * must be whole. Skipped when no Docker engine answers, unless {@code it.requireDocker=true}.
 */
class ContainerTest {

    private static final int REQUESTS = 4;
    private static final String AGENT = "/poolwatch/poolwatch-agent.jar";
    private static final String REPORT = "/reports/poolwatch.json";
    /** What {@code docker stop} waits for before it sends SIGKILL; the JVM needs far less. */
    private static final int STOP_TIMEOUT_SECONDS = 30;

    @BeforeEach
    void a_docker_engine_answers() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return;
        }
        if (Boolean.getBoolean("it.requireDocker")) {
            fail("it.requireDocker=true, but no Docker engine answers (DOCKER_HOST or /var/run/docker.sock):"
                    + " start one (.ci/run does), or leave it.requireDocker unset to skip the container tests");
        }
        abort("no Docker engine answers; container tests skipped (-Dit.requireDocker=true fails instead)");
    }

    @Test
    void sigterm_to_the_leaky_server_in_a_container_leaves_a_complete_json_report() throws Exception {
        DockerClient docker = DockerClientFactory.instance().client();
        long start = System.nanoTime();
        ScratchJdkImage image = ScratchJdkImage.ofRunningJdk(targetDirectory().resolve("scratch-jdk"));
        boolean built = image.ensureBuilt(docker);
        long imageReady = System.nanoTime();

        Path agentJar = Path.of(System.getProperty("poolwatch.agentJar"));
        assertTrue(Files.isRegularFile(agentJar), "the agent jar is built first: " + agentJar);
        Path samples = classPathEntry(PerRequestPoolServer.class);
        String samplesInContainer = Files.isDirectory(samples) ? "/app/classes" : "/app/" + samples.getFileName();
        ToStringConsumer output = new ToStringConsumer();
        try (GenericContainer<?> server = new GenericContainer<>(DockerImageName.parse(image.tag()))
                .withNetworkMode("none")
                .withCopyFileToContainer(MountableFile.forHostPath(agentJar), AGENT)
                .withCopyFileToContainer(MountableFile.forHostPath(samples), samplesInContainer)
                .withEnv("JAVA_TOOL_OPTIONS", "-javaagent:" + AGENT + "=report=" + REPORT)
                .withCommand(ScratchJdkImage.JAVA, "-cp", samplesInContainer, PerRequestPoolServer.class.getName(),
                        "serve", Integer.toString(REQUESTS))
                .withLogConsumer(output)
                // It prints "ready" once it has sent itself its requests and had every answer.
                .waitingFor(Wait.forLogMessage("ready\\n", 1).withStartupTimeout(Duration.ofSeconds(60)))) {
            try {
                server.start();
            } catch (ContainerLaunchException e) {
                throw new AssertionError("the server did not get ready in its container; its output:\n" + output.toUtf8String(), e);
            }

            docker.stopContainerCmd(server.getContainerId()).withTimeout(STOP_TIMEOUT_SECONDS).exec();
            Long exitCode = docker.inspectContainerCmd(server.getContainerId()).exec().getState().getExitCodeLong();
            String logs = server.getLogs();
            // The sample has no signal handler: the JVM runs its shutdown hooks and exits with 128 + SIGTERM's 15.
            // SIGKILL, after the timeout, would give 137 and no report.
            assertEquals(143L, exitCode, "exit status after SIGTERM; output:\n" + logs);
            assertTrue(logs.contains("poolwatch: " + REQUESTS + " of " + REQUESTS + " pools leaked"),
                    "the text report on stderr:\n" + logs);

            JsonObject report = readReport(server, logs);
            assertEquals("poolwatch", report.get("tool").getAsString());
            assertEquals(1, report.getAsJsonObject("jvm").get("pid").getAsInt(), "the JVM is the container's first process");
            assertEquals(System.getProperty("java.version"), report.getAsJsonObject("jvm").get("javaVersion").getAsString(),
                    "the container runs the tests' own JDK");
            JsonObject summary = report.getAsJsonObject("summary");
            assertEquals(REQUESTS, summary.get("poolsCreated").getAsInt(), summary.toString());
            assertEquals(REQUESTS, summary.get("leaks").getAsInt(), summary.toString());
            assertEquals(0, summary.get("internalErrors").getAsInt(), summary.toString());
            JsonArray leaks = report.getAsJsonArray("leaks");
            assertEquals(1, leaks.size(), "one creation site, one leak entry: " + leaks);
            JsonObject leak = leaks.get(0).getAsJsonObject();
            assertEquals("OPEN_IDLE", leak.get("kind").getAsString(), leak.toString());
            assertEquals("java.util.concurrent.ThreadPoolExecutor", leak.get("poolType").getAsString(), leak.toString());
            assertEquals(REQUESTS, leak.get("count").getAsInt(), leak.toString());
            String site = leak.getAsJsonArray("creationSite").get(0).getAsString();
            assertTrue(site.startsWith("dev.poolwatch.samples.PerRequestPoolServer.handle("), site);
            assertEquals(0, report.getAsJsonArray("submitAfterShutdown").size(), report.toString());
        }
        System.out.printf("ContainerTest on JDK %s: image %s %s in %.1f s, container run %.1f s%n", Runtime.version(),
                image.tag(), built ? "built" : "found", (imageReady - start) / 1e9, (System.nanoTime() - imageReady) / 1e9);
    }

    /** Copied out of the stopped container: works with a remote engine too, where a bind mount would not. */
    private static JsonObject readReport(GenericContainer<?> server, String logs) {
        try {
            return server.copyFileFromContainer(REPORT,
                    in -> JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (RuntimeException e) {
            return fail("no readable JSON report at " + REPORT + " in the container; its output:\n" + logs, e);
        }
    }

    /** {@code target/}, found from this class's own output directory. */
    private static Path targetDirectory() throws URISyntaxException {
        return classPathEntry(ContainerTest.class).getParent();
    }

    private static Path classPathEntry(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
