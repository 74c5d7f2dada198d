package dev.poolwatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.nio.file.Path;

/**
 * The agent's own class loader: everything of the agent but {@link PreMain}, this class and the
 * bootstrap runtime is defined here, from the agent jar, so that the agent has a module of its own
 * (this loader's unnamed module).
 *
 * <p>That module is what the agent opens {@code java.base} to. The JVM puts a {@code -javaagent}
 * jar on the system class path, whose unnamed module every class-path class of the program shares:
 * granting that module access to {@code jdk.internal.access} would grant it to every library too.
 *
 * <p>Its parent is the platform class loader: the agent sees the JDK and, through it, the bootstrap
 * runtime ({@code dev.poolwatch.agent.bootstrap}, defined in the bootstrap loader), never the
 * program's classes.

 */
final class AgentClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String AGENT_PACKAGE = "dev.poolwatch.agent.";
    private static final String BOOTSTRAP_PACKAGE = "dev.poolwatch.agent.bootstrap.";

    private final Path jarPath;
    // Open for the JVM's lifetime: the report's classes load only as the JVM exits.
    private final JarFile jar;
    private final Manifest manifest;
    private final ProtectionDomain domain;

    AgentClassLoader(Path jarPath) throws IOException {
        super("poolwatch-agent", ClassLoader.getPlatformClassLoader());
        this.jarPath = jarPath;
        // Not verified: the JVM read this jar's manifest already, and the agent jar is not signed.
        this.jar = new JarFile(jarPath.toFile(), false);
        this.manifest = jar.getManifest();
        this.domain = new ProtectionDomain(new CodeSource(jarPath.toUri().toURL(), (Certificate[]) null), null, this, null);
    }

    /** The jar the agent's classes come from. */
    Path jarPath() {
        return jarPath;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!name.startsWith(AGENT_PACKAGE) || name.startsWith(BOOTSTRAP_PACKAGE)) {
            throw new ClassNotFoundException(name);
        }
        String path = name.replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = resource(path)) {
            if (in == null) {
                throw new ClassNotFoundException(name + " is not in " + jarPath);
            }
            bytes = in.readAllBytes();
        } catch (IOException unreadable) {
            throw new ClassNotFoundException(name + " could not be read from " + jarPath, unreadable);
        }
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    private InputStream resource(String path) throws IOException {
        JarEntry entry = jar.getJarEntry(path);
        return entry == null ? null : jar.getInputStream(entry);
    }

    /** Defines the class's package with the jar's implementation title, version and vendor. */
    private void definePackageOf(String className) {
        String packageName = className.substring(0, className.lastIndexOf('.'));
        if (getDefinedPackage(packageName) != null) {
            return;
        }
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        try {
            definePackage(packageName, null, null, null, main.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
                    main.getValue(Attributes.Name.IMPLEMENTATION_VERSION),
                    main.getValue(Attributes.Name.IMPLEMENTATION_VENDOR), null);
        } catch (IllegalArgumentException definedMeanwhile) {
            // another thread defined it first: the same package
        }
    }
}
