package dev.poolwatch.it;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.images.builder.ImageFromDockerfile;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

/**
 * A Docker image {@code FROM scratch} that holds one JDK of this machine and nothing else: no image
 * registry has to be reachable. Its root file system is the JDK directory at {@link #JAVA_HOME}, the
 * shared libraries that {@code ldd} lists for the JDK's launcher and native libraries (the dynamic
 * loader among them) at their own paths, and an empty {@code /tmp}. There is no shell: give commands
 * in exec form.
 *
 * <p>Each JDK gets its own tag, derived from its path, version and {@code lib/modules} file. The image
 * is left in the engine for the next run, on the same JDK, to reuse; the root file system tar is kept
 * under {@code target/} so an engine that lost the image gets it back without re-reading the JDK.
 */
final class ScratchJdkImage {

    /** Where the JDK is in the image. */
    static final String JAVA_HOME = "/jdk";
    /** The launcher, for a container's command. */
    static final String JAVA = JAVA_HOME + "/bin/java";

    /** Bump it when what goes into the image changes, so no stale image or tar is reused. */
    private static final String RECIPE = "1";

    /**
     * Parts of a JDK that only javac, jlink or a person reads: leaving them out takes a quarter off
     * the image (Temurin's source archive alone is 50 MB), and {@code java} never opens them.
     */
    private static final Set<String> NOT_NEEDED_TO_RUN = Set.of("jmods", "include", "man", "demo", "docs", "lib/src.zip");

    private final Path javaHome;
    private final Path cacheDirectory;
    private final String tag;

    private ScratchJdkImage(Path javaHome, Path cacheDirectory) throws IOException {
        this.javaHome = javaHome.toRealPath();
        this.cacheDirectory = cacheDirectory;
        this.tag = "poolwatch-it-jdk:" + Runtime.version().toString().replaceAll("[^A-Za-z0-9_.-]", "_")
                + "-" + fingerprint(this.javaHome);
    }

    /** The image of the JDK running this code, its tar cached in {@code cacheDirectory}. */
    static ScratchJdkImage ofRunningJdk(Path cacheDirectory) throws IOException {
        return new ScratchJdkImage(Path.of(System.getProperty("java.home")), cacheDirectory);
    }

    String tag() {
        return tag;
    }

    /**
     * Makes sure the engine has the image, building it (and its root file system tar, when not cached)
     * only if it does not.
     *
     * @return whether the image had to be built
     */
    boolean ensureBuilt(DockerClient docker) throws IOException, InterruptedException {
        try {
            docker.inspectImageCmd(tag).exec();
            return false;
        } catch (NotFoundException absent) {
            // Built below.
        }
        Path rootfs = cacheDirectory.resolve(tag.replace(':', '-') + ".tar");
        if (!Files.isRegularFile(rootfs)) {
            writeRootfs(rootfs);
        }
        new ImageFromDockerfile(tag, false)
                .withDockerfileFromBuilder(dockerfile -> dockerfile.from("scratch").add("rootfs.tar", "/").build())
                .withFileFromPath("rootfs.tar", rootfs)
                .get();
        return true;
    }

    private static String fingerprint(Path javaHome) throws IOException {
        Path modules = javaHome.resolve("lib/modules");
        String identity = String.join("\n", RECIPE, javaHome.toString(), Runtime.version().toString(),
                Long.toString(Files.size(modules)), Files.getLastModifiedTime(modules).toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Writes the tar beside its final name, then renames it: an interrupted run never leaves half a tar to reuse. */
    private void writeRootfs(Path rootfs) throws IOException, InterruptedException {
        List<Path> libraries = librariesOutsideTheJdk();
        Files.createDirectories(cacheDirectory);
        Path partial = Files.createTempFile(cacheDirectory, rootfs.getFileName().toString(), ".partial");
        try {
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                RootfsWriter writer = new RootfsWriter(tar);
                writer.directory("tmp", 01777); // the JVM keeps its perf data there
                writer.jdk(javaHome, JAVA_HOME.substring(1));
                for (Path library : libraries) {
                    writer.file(library, library.toString().substring(1));
                }
            }
            Files.move(partial, rootfs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * What {@code ldd} lists for {@code bin/java} and for every native library of the JDK, outside the
     * JDK: the JVM itself is loaded with {@code dlopen}, so {@code bin/java} alone does not show that
     * {@code libjvm.so} needs, for instance, {@code libstdc++} on Debian's build. Libraries ldd cannot
     * find are left out; the JDK never loads them for a program without a display.
     */
    private List<Path> librariesOutsideTheJdk() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ldd", javaHome.resolve("bin/java").toString()));
        try (Stream<Path> files = Files.walk(javaHome.resolve("lib"))) {
            files.filter(file -> file.getFileName().toString().endsWith(".so") && Files.isRegularFile(file))
                    .map(Path::toString)
                    .sorted()
                    .forEach(command::add);
        }
        Process ldd;
        try {
            ldd = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("building the scratch JDK image needs ldd (glibc's, on Linux) to find the JDK's shared libraries", e);
        }
        String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ldd.waitFor(60, TimeUnit.SECONDS) || ldd.exitValue() != 0) {
            ldd.destroyForcibly();
            throw new IOException("ldd failed on the JDK at " + javaHome + ":\n" + output);
        }
        Set<Path> libraries = new TreeSet<>();
        for (String line : output.split("\n")) {
            // "\tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x...)", "\t/lib64/ld-linux-x86-64.so.2 (0x...)";
            // lines that do not start with a tab name the file being listed.
            if (!line.startsWith("\t")) {
                continue;
            }
            String dependency = line.strip();
            int arrow = dependency.indexOf("=> ");
            String path = arrow >= 0 ? dependency.substring(arrow + 3) : dependency;
            int address = path.indexOf(" (");
            path = address >= 0 ? path.substring(0, address) : path;
            if (!path.startsWith("/")) {
                continue; // "not found", or the kernel's linux-vdso.so.1
            }
            Path library = Path.of(path).normalize();
            if (!library.toRealPath().startsWith(javaHome)) {
                libraries.add(library);
            }
        }
        return List.copyOf(libraries);
    }

    /** Tar entries owned by root, with the files' modes and times; symbolic links are stored as what they point to. */
    private static final class RootfsWriter {

        /** The file type bits of a tar entry's mode, as in {@code stat(2)}. */
        private static final int DIRECTORY = 0040000;
        private static final int REGULAR_FILE = 0100000;

        private final TarArchiveOutputStream tar;
        private final Set<String> directories = new HashSet<>();

        RootfsWriter(TarArchiveOutputStream tar) {
            this.tar = tar;
        }

        /** The JDK's tree under {@code name}, less {@link #NOT_NEEDED_TO_RUN}; links to directories and dangling links are left out. */
        void jdk(Path javaHome, String name) throws IOException {
            Files.walkFileTree(javaHome, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    String relative = relative(dir);
                    if (NOT_NEEDED_TO_RUN.contains(relative)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    directory(relative.isEmpty() ? name : name + "/" + relative, mode(dir));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (!NOT_NEEDED_TO_RUN.contains(relative(file)) && Files.isRegularFile(file)) {
                        RootfsWriter.this.file(file, name + "/" + relative(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                private String relative(Path path) {
                    return javaHome.relativize(path).toString().replace('\\', '/');
                }
            });
        }

        void directory(String name, int permissions) throws IOException {
            parents(name);
            if (!directories.add(name)) {
                return;
            }
            TarArchiveEntry entry = new TarArchiveEntry(name + "/");
            entry.setMode(DIRECTORY | permissions);
            owner(entry);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }

        void file(Path source, String name) throws IOException {
            parents(name);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(Files.size(source));
            entry.setMode(REGULAR_FILE | mode(source));
            entry.setLastModifiedTime(Files.getLastModifiedTime(source));
            owner(entry);
            tar.putArchiveEntry(entry);
            Files.copy(source, tar);
            tar.closeArchiveEntry();
        }

        private void parents(String name) throws IOException {
            int slash = name.lastIndexOf('/');
            if (slash > 0 && !directories.contains(name.substring(0, slash))) {
                directory(name.substring(0, slash), 0755);
            }
        }

        private static void owner(TarArchiveEntry entry) {
            entry.setIds(0, 0);
            entry.setNames("root", "root");
        }

        /** The permission bits; {@link PosixFilePermission}'s constants run from OWNER_READ (0400) to OTHERS_EXECUTE (0001). */
        private static int mode(Path path) throws IOException {
            int mode = 0;
            for (PosixFilePermission permission : Files.getPosixFilePermissions(path)) {
                mode |= 0400 >> permission.ordinal();
            }
            return mode;
        }
    }
}
