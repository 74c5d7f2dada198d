package dev.poolwatch.agent.bootstrap;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an event happened, as the report prints it: the first application frame of the stack and
 * at most {@code stackDepth} frames after it, up to the first test runner frame, reflection and
 * method handles left out (see {@link ApplicationFrames}). Empty if the stack had no application
 * frame.
 *
 * <p>Decoded when the event happens and kept as strings and numbers only, never as a
 * {@code Throwable} or a {@code Class}: those hold every frame's class, so its class loader, and a
 * record that outlives its event would keep a redeployed web application in memory.
 */
public final class Site {

    /** The site of a stack with no application frame. */
    static final Site NONE = new Site(new StackTraceElement[0]);

    private final StackTraceElement[] frames;
    private final LibraryHolder libraryHolder;

    Site(StackTraceElement[] frames) {
        this(frames, null);
    }

    Site(StackTraceElement[] frames, LibraryHolder libraryHolder) {
        this.frames = frames;
        this.libraryHolder = libraryHolder;
    }

    /** A site of these frames, the first application frame first; for tests and tools that build sites by hand. */
    public static Site of(StackTraceElement... frames) {
        return new Site(frames.clone());
    }

    public boolean isEmpty() {
        return frames.length == 0;
    }

    /** The frames as a stack trace prints them, the first application frame first. */
    public List<String> frames() {
        List<String> printed = new ArrayList<>(frames.length);
        for (StackTraceElement frame : frames) {
            printed.add(frame.toString());
        }
        return printed;
    }

    /** The class of the first application frame, or {@code null} if there is none. */
    public String firstApplicationClass() {
        return frames.length == 0 ? null : frames[0].getClassName();
    }

    /**
     * For a pool's creation site, the library class whose static initializer created the pool, which
     * holds it for the life of the process; {@code null} for a pool of the program's own, and for
     * every other site.
     */
    public LibraryHolder libraryHolder() {
        return libraryHolder;
    }

    /** A key under which events at the same site are counted together. */
    String key() {
        StringBuilder key = new StringBuilder();
        for (StackTraceElement frame : frames) {
            key.append('|').append(frame);
        }
        return key.toString();
    }
}
