package dev.poolwatch.agent.bootstrap;

import java.util.List;

/**
 * A library class whose static initializer created a pool: the library keeps it for the life of the
 * process, by design, and the program has no call to make that would close it. The pool is listed
 * apart from the program's leaks.
 */
public final class LibraryHolder {

    private static final String STATIC_INITIALIZER = "<clinit>";

    private final String className;
    private final String library;

    private LibraryHolder(String className, String library) {
        this.className = className;
        this.library = library;
    }

    /** The class whose static initializer created the pool. */
    public String className() {
        return className;
    }

    /** The library's jar, by file name ({@code guava-33.4.8-jre.jar}). */
    public String library() {
        return library;
    }

    /**
     * The library class that holds a pool created at these frames, the first application frame first,
     * or {@code null} if the program's own code created it. It is a library's when, from the first
     * application frame outwards, a library's static initializer comes before any frame of the
     * program's own ({@link LibraryJars}); only the frames a site keeps are looked at.
     *
     * @param decoded the same frames decoded: their method names are read there, since asking a
     *        frame for its name costs the JDK a second lookup of the method it has decoded already
     */
    static LibraryHolder of(List<StackWalker.StackFrame> siteFrames, StackTraceElement[] decoded) {
        int initializer = 0;
        while (initializer < decoded.length && !decoded[initializer].getMethodName().equals(STATIC_INITIALIZER)) {
            initializer++;
        }
        if (initializer == decoded.length) {
            return null; // the common case, told by method names alone: no class's code source is read
        }
        for (StackWalker.StackFrame frame : siteFrames.subList(0, initializer)) {
            Class<?> type = frame.getDeclaringClass();
            // the JDK's code between a library's frames (a stream, an Optional) is neither's
            if (!PlatformClasses.isPlatform(type) && LibraryJars.libraryOf(type) == null) {
                return null;
            }
        }
        Class<?> holder = siteFrames.get(initializer).getDeclaringClass();
        String library = PlatformClasses.isPlatform(holder) ? null : LibraryJars.libraryOf(holder);
        return library == null ? null : new LibraryHolder(holder.getName(), library);
    }
}
