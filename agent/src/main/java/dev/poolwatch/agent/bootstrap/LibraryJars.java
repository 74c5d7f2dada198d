package dev.poolwatch.agent.bootstrap;

import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;

/**
 * Tells a library's class from the program's own by where it was loaded from. A class loaded from a
 * jar is a library's, unless that jar is the one the program was started from ({@code java -jar}'s,
 * or the main class's); a class loaded from a directory (a build's {@code target/classes} and
 * {@code target/test-classes}, an IDE's output, a web application's {@code WEB-INF/classes}) is the
 * program's. A library is named by its jar's file name, {@code guava-33.4.8-jre.jar}.
 *
 * <p>The line is drawn where a build draws it: what the build compiles is a directory, what it
 * depends on is a jar. A module of the program's own that reaches it as a jar counts as a library.
 */
final class LibraryJars {

    private static final String JAR_SUFFIX = ".jar";
    private static final String NO_MAIN_JAR = "";

    /** The file name of the jar the program was started from, {@link #NO_MAIN_JAR} for none; read once, when first needed. */
    private static volatile String mainJar;

    private LibraryJars() {
    }

    /** The file name of the library jar {@code type} was loaded from, or {@code null} if it is the program's own. */
    static String libraryOf(Class<?> type) {
        String jar = jarOf(type);
        return jar == null || jar.equals(mainJar()) ? null : jar;
    }

    /** The file name of the jar {@code type} was loaded from, or {@code null} for a directory or an unknown place. */
    private static String jarOf(Class<?> type) {
        ProtectionDomain domain;
        try {
            domain = type.getProtectionDomain();
        } catch (SecurityException notAllowed) {
            return null; // under a security manager that keeps it from the agent: the program's, as before
        }
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return null;
        }
        String path = location.toString();
        if (path.endsWith("!/")) {
            path = path.substring(0, path.length() - 2); // a jar nested in another, as Spring Boot's loader names it
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(JAR_SUFFIX) ? name : null;
    }

    private static String mainJar() {
        String jar = mainJar;
        if (jar == null) {
            jar = findMainJar();
            mainJar = jar;
        }
        return jar;
    }

    /** From the command line the launcher recorded: {@code app.jar ...} for {@code java -jar}, else the main class's name. */
    private static String findMainJar() {
        String command = System.getProperty("sun.java.command", "").trim();
        String first = command.isEmpty() ? "" : command.split(" ", 2)[0];
        if (first.endsWith(JAR_SUFFIX)) {
            return first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
        }
        try {
            // the main class has long been loaded by the time a library creates a pool: this only finds it
            String jar = jarOf(Class.forName(first, false, ClassLoader.getSystemClassLoader()));
            return jar == null ? NO_MAIN_JAR : jar;
        } catch (ClassNotFoundException | LinkageError | RuntimeException notAClass) {
            return NO_MAIN_JAR; // a module's main class, the source launcher, a JVM started through JNI
        }
    }
}
