package dev.poolwatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A jar stored inside the agent jar, opened the first time one of its entries is asked for: copied
 * to a temporary file, opened, and the file's name removed at once (the open file lives on, and
 * nothing is left behind however the JVM ends; where an open file cannot be deleted, at exit).
 * Until then it costs nothing.
 */
final class NestedJar {

    /** Byte Buddy, relocated, as the build nests it. */
    static final String BYTE_BUDDY_ENTRY = "META-INF/poolwatch/byte-buddy.jar";

    private final JarFile outer;
    private final String entryName;
    private volatile JarFile opened;

    NestedJar(JarFile outer, String entryName) {
        this.outer = outer;
        this.entryName = entryName;
    }

    /** The content of entry {@code path} of the nested jar, or {@code null} if it has none. */
    InputStream open(String path) throws IOException {
        JarFile nested = jar();
        JarEntry entry = nested.getJarEntry(path);
        return entry == null ? null : nested.getInputStream(entry);
    }

    /** Unlinks the copy; where an open file cannot be deleted (Windows), it goes when the JVM exits. */
    private static void removeName(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException stillOpen) {
            copy.toFile().deleteOnExit();
        }
    }

    private JarFile jar() throws IOException {
        JarFile nested = opened;
        if (nested != null) {
            return nested;
        }
        synchronized (this) {
            if (opened == null) {
                JarEntry entry = outer.getJarEntry(entryName);
                if (entry == null) {
                    throw new IOException(outer.getName() + " has no " + entryName);
                }
                Path copy = Files.createTempFile("poolwatch-", ".jar");
                try (InputStream content = outer.getInputStream(entry)) {
                    Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
                    opened = new JarFile(copy.toFile(), false);
                } finally {
                    removeName(copy);
                }
            }
            return opened;
        }
    }
}
