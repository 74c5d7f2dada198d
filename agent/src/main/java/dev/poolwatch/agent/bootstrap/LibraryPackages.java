package dev.poolwatch.agent.bootstrap;

/**
 * The packages of the libraries whose pools the agent watches (Netty, HikariCP, ...): their frames
 * are the library's, never the program's. A pool such a library creates is recorded where the
 * program asked for it (the line that built the {@code HikariDataSource}, not Hikari's constructor),
 * and a JDK pool it creates for itself belongs to the library's pool, which closes it: it is not
 * recorded, as the JDK's own pools are not.
 */
public final class LibraryPackages {

    private static volatile String[] prefixes = new String[0];

    private LibraryPackages() {
    }

    /**
     * Sets the packages, each as a prefix ending in a dot ({@code "io.netty."}), or a class's binary
     * name, which owns that class and its nested classes only.
     */
    public static void set(String[] packagePrefixes) {
        prefixes = packagePrefixes.clone();
    }

    static boolean owns(String className) {
        for (String prefix : prefixes) {
            if (className.startsWith(prefix) && (prefix.endsWith(".") || className.length() == prefix.length()
                    || className.charAt(prefix.length()) == '$')) {
                return true;
            }
        }
        return false;
    }
}
