package dev.poolwatch.junit;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds {@code poolwatch-agent.jar} on a class path, where the dependency of {@code poolwatch-junit}
 * on the agent puts it: the jar that holds the agent's entry point. Only a jar file can be attached,
 * and only one whose manifest names that entry point for an attach.
 */
final class AgentJar {

    static final String ENTRY_POINT = "dev.poolwatch.agent.PreMain";
    /** Looked up as a resource, not loaded: the class is the JVM's to load when the jar is attached. */
    private static final String ENTRY_POINT_RESOURCE = ENTRY_POINT.replace('.', '/') + ".class";
    private static final String JAR_URL_SEPARATOR = "!/";

    private AgentJar() {
    }

    /**
     * The agent jar, or why there is none.
     *
     * @param jar the jar file to attach, or {@code null}
     * @param whyNot what was found instead, or {@code null}
     */
    record Located(Path jar, String whyNot) {
    }

    static Located on(ClassLoader classPath) {
        URL entryPoint = classPath.getResource(ENTRY_POINT_RESOURCE);
        if (entryPoint == null) {
            return new Located(null, "poolwatch-agent is not on the test class path");
        }
        if (!"jar".equals(entryPoint.getProtocol())) {
            return new Located(null, "the agent's classes on the test class path are not in a jar (" + entryPoint
                    + "); only a jar can be attached");
        }
        String url = entryPoint.toString();
        int separator = url.indexOf(JAR_URL_SEPARATOR);
        Path jar;
        try {
            jar = Paths.get(new URI(url.substring("jar:".length(), separator)));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException notAFile) {
            return new Located(null, "the agent's jar is not a file (" + url + ")");
        }
        if (!Files.isRegularFile(jar)) {
            return new Located(null, "the agent's jar is not a file (" + jar + ")");
        }
        return attachable(jar);
    }

    /** The jar if its manifest lets the JVM attach it, else why not. */
    private static Located attachable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            String agentClass = manifest == null ? null : manifest.getMainAttributes().getValue("Agent-Class");
            if (!ENTRY_POINT.equals(agentClass)) {
                return new Located(null, jar + " has no Agent-Class: " + ENTRY_POINT
                        + " in its manifest; is it poolwatch-agent.jar as built?");
            }
            return new Located(jar, null);
        } catch (IOException unreadable) {
            return new Located(null, jar + " could not be read: " + unreadable);
        }
    }
}
