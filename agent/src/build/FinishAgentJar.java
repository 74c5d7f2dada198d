import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Turns the shaded jar into poolwatch-agent.jar, run by the build with ASM on the class path:
 * {@code java -cp asm.jar FinishAgentJar.java <shaded jar> <agent jar>}.
 *
 * <p>ASM's classes are Java 5 class files, without stack map frames, which the JVM checks with its
 * old verifier that infers every type; every JVM that starts with the agent pays for it. Here they
 * become Java 8 class files with the frames ASM computes for them, which the JVM's type checker
 * verifies in less time, and lose their debug information (line numbers, local variable names,
 * source file names): a fifth less for each JVM to read, and nothing a user of the agent reads. The
 * agent's own classes are copied as they are.
 *
 * <p>Every entry is stored, not deflated (inflating costs each JVM more than reading the larger
 * file), and the manifest comes first, where readers of jar streams look for it.
 */
public final class FinishAgentJar {

    private static final String SHADED = "dev/poolwatch/agent/shaded/";
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private FinishAgentJar() {
    }

    public static void main(String[] args) throws IOException {
        Path shaded = Paths.get(args[0]);
        Path agentJar = Paths.get(args[1]);
        int withFrames = 0;
        try (URLClassLoader shadedClasses = new URLClassLoader(new URL[] {shaded.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
                JarFile in = new JarFile(shaded.toFile());
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(agentJar))) {
            for (JarEntry entry : manifestFirst(in)) {
                byte[] bytes;
                try (InputStream content = in.getInputStream(entry)) {
                    bytes = content.readAllBytes();
                }
                if (entry.getName().startsWith(SHADED) && entry.getName().endsWith(".class")) {
                    bytes = withFrames(bytes, shadedClasses);
                    withFrames++;
                }
                store(out, entry.getName(), bytes);
            }
        }
        if (withFrames == 0) {
            throw new IllegalStateException(shaded + " holds no class under " + SHADED);
        }
    }

    private static List<JarEntry> manifestFirst(JarFile jar) {
        List<JarEntry> entries = new ArrayList<>();
        entries.add(jar.getJarEntry("META-INF/"));
        entries.add(jar.getJarEntry(MANIFEST));
        if (entries.contains(null)) {
            throw new IllegalStateException(jar.getName() + " has no " + MANIFEST);
        }
        for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
            JarEntry entry = all.nextElement();
            if (!entry.getName().equals("META-INF/") && !entry.getName().equals(MANIFEST)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The class as a Java 8 class file with the stack map frames ASM computes for its code, without debug information. */
    private static byte[] withFrames(byte[] classFile, ClassLoader shadedClasses) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            // Frames name the common superclass of two types: looked up among the shaded classes.
            @Override
            protected ClassLoader getClassLoader() {
                return shadedClasses;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                if (version > Opcodes.V1_8) {
                    throw new IllegalStateException(name + " is newer than Java 8: it has frames already");
                }
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_DEBUG);
        return writer.toByteArray();
    }

    private static void store(JarOutputStream out, String name, byte[] bytes) throws IOException {
        JarEntry stored = new JarEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        stored.setMethod(ZipEntry.STORED);
        stored.setSize(bytes.length);
        stored.setCompressedSize(bytes.length);
        stored.setCrc(crc.getValue());
        out.putNextEntry(stored);
        out.write(bytes);
        out.closeEntry();
    }
}
