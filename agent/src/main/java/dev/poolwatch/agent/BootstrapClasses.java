package dev.poolwatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import jdk.internal.access.JavaLangAccess;
import jdk.internal.access.SharedSecrets;

/**
 * Defines {@code dev.poolwatch.agent.bootstrap} in the bootstrap class loader, because woven JDK
 * classes call it. Only that package goes there; the rest of the agent, its weaver included, stays
 * in the agent's loader.
 *
 * <p>The one change to {@code java.base} the agent makes, for itself only, is done here: it exports
 * {@code jdk.internal.access} (to define these classes) and {@code jdk.internal.ref} (the registry
 * forgets collected pools on the JDK's shared cleaner thread rather than a thread of its own), and
 * opens {@code java.util.concurrent} (the report lists a pool's worker threads) and {@code java.lang}
 * (a live report finds the pool a worker thread runs for, from the thread's task).
 *
 * <p>The classes are defined directly (through {@code JavaLangAccess}, which the agent exports to
 * itself) rather than by appending a jar to the bootstrap search path: an appended path makes the
 * JVM turn class data sharing off for the application's classes, slowing its startup and printing
 * a warning. The agent calls these JDK-internal classes directly, not by reflection, and resolves
 * them only after the export; a JDK that changed them fails here with the reason, at start-up.
 */
final class BootstrapClasses {

    static final String PACKAGE_PATH = "dev/poolwatch/agent/bootstrap/";
    private static final String ENTRY_POINT = "dev.poolwatch.agent.bootstrap.PoolEvents";

    private BootstrapClasses() {
    }

    static void define(Instrumentation instrumentation) {
        try {
            if (alreadyDefined()) {
                return; // a second copy of the agent; the first one defined them
            }
            Module javaBase = Object.class.getModule();
            Set<Module> agent = Set.of(BootstrapClasses.class.getModule());
            instrumentation.redefineModule(javaBase, Set.of(),
                    Map.of("jdk.internal.access", agent, "jdk.internal.ref", agent),
                    Map.of("java.util.concurrent", agent, "java.lang", agent), Set.of(), Map.of());
            JavaLangAccess javaLangAccess = SharedSecrets.getJavaLangAccess();
            for (Map.Entry<String, byte[]> type : readPackage().entrySet()) {
                javaLangAccess.defineClass(null, type.getKey(), type.getValue(), null, "poolwatch-agent");
            }
        } catch (IOException | URISyntaxException | RuntimeException | LinkageError failure) {
            throw new IllegalStateException("poolwatch: could not make its runtime visible to the JDK's classes: "
                    + failure, failure);
        }
    }

    private static boolean alreadyDefined() {
        try {
            Class.forName(ENTRY_POINT, false, null);
            return true;
        } catch (ClassNotFoundException notYet) {
            return false;
        }
    }

    /** The package's classes by binary name, outer classes before their nested ones. */
    private static Map<String, byte[]> readPackage() throws IOException, URISyntaxException {
        Path agentJar = Paths.get(BootstrapClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile jar = new JarFile(agentJar.toFile(), false)) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(PACKAGE_PATH) && name.endsWith(".class") && !name.endsWith("package-info.class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                                in.readAllBytes());
                    }
                }
            }
        }
        if (classes.isEmpty()) {
            throw new IOException(agentJar + " holds no " + PACKAGE_PATH + " classes: is it poolwatch-agent.jar?");
        }
        return classes;
    }
}
