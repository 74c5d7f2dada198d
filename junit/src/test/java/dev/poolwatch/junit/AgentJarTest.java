package dev.poolwatch.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJarTest {

    private static final String ENTRY_POINT_FILE = "dev/poolwatch/agent/PreMain.class";

    @TempDir
    Path directory;

    private static AgentJar.Located onClassPath(Path... entries) throws IOException {
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = entries[i].toUri().toURL();
        }
        try (URLClassLoader classPath = new URLClassLoader(urls, null)) {
            return AgentJar.on(classPath);
        }
    }

    private Path jar(String name, String agentClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (agentClass != null) {
            manifest.getMainAttributes().putValue("Agent-Class", agentClass);
        }
        Path jar = directory.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(ENTRY_POINT_FILE));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void the_jar_on_the_class_path_that_holds_the_entry_point_named_by_its_manifest_is_the_agent_jar() throws IOException {
        Path other = jar("other.jar", null);
        Files.delete(other);
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(other), new Manifest())) {
            // a jar of something else, before the agent's on the class path
        }
        Path agent = jar("poolwatch-agent 0.1 (copy).jar", AgentJar.ENTRY_POINT);

        AgentJar.Located located = onClassPath(other, agent);

        assertEquals(agent, located.jar(), located.whyNot());
        assertNull(located.whyNot());
    }

    @Test
    void the_agent_classes_in_a_directory_are_refused_since_only_a_jar_can_be_attached() throws IOException {
        Path classes = directory.resolve("classes");
        Files.createDirectories(classes.resolve(ENTRY_POINT_FILE).getParent());
        Files.write(classes.resolve(ENTRY_POINT_FILE), new byte[] {(byte) 0xCA, (byte) 0xFE});

        AgentJar.Located located = onClassPath(classes);

        assertNull(located.jar());
        assertTrue(located.whyNot().startsWith("the agent's classes on the test class path are not in a jar"),
                located.whyNot());
    }

    @Test
    void a_jar_whose_manifest_names_no_agent_class_is_refused() throws IOException {
        Path unshaded = jar("poolwatch-agent-original.jar", null);

        AgentJar.Located located = onClassPath(unshaded);

        assertNull(located.jar());
        assertTrue(located.whyNot().equals(unshaded + " has no Agent-Class: dev.poolwatch.agent.PreMain in its manifest;"
                + " is it poolwatch-agent.jar as built?"), located.whyNot());
    }

    @Test
    void without_the_agent_on_the_class_path_it_says_so() throws IOException {
        AgentJar.Located located = onClassPath(directory);

        assertNull(located.jar());
        assertEquals("poolwatch-agent is not on the test class path", located.whyNot());
    }
}
