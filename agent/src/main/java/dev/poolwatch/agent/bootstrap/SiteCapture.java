package dev.poolwatch.agent.bootstrap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Captures the current thread's {@link Site} in one walk of its stack, decoding only the frames the
 * site keeps, and stopping as soon as it has them. When a pool is being created, the same walk asks
 * {@link PoolCreator} whose pool it is, and decodes nothing for the JDK's own.
 *
 * <p>A {@link StackWalker} that keeps each frame's class (class loaders tell the platform's frames)
 * and shows hidden frames (a method reference's frame decides whose a pool is), which it then
 * leaves out of the site, as a printed stack trace does.
 */
final class SiteCapture implements Function<Stream<StackWalker.StackFrame>, Site> {

    static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));

    private final int stackDepth;
    private final PoolCreator creator;

    private SiteCapture(int stackDepth, PoolCreator creator) {
        this.stackDepth = stackDepth;
        this.creator = creator;
    }

    /** Where the current thread is. */
    static Site here(int stackDepth) {
        return WALKER.walk(new SiteCapture(stackDepth, null));
    }

    /**
     * Where the current thread creates a pool, or {@code null} if the JDK (or a watched library)
     * creates it for itself.
     */
    static Site ofPoolCreation(int stackDepth) {
        return WALKER.walk(new SiteCapture(stackDepth, new PoolCreator(false)));
    }

    /** Where the current thread creates a library's pool, or {@code null} if the JDK creates it for itself. */
    static Site ofLibraryPoolCreation(int stackDepth) {
        return WALKER.walk(new SiteCapture(stackDepth, new PoolCreator(true)));
    }

    @Override
    public Site apply(Stream<StackWalker.StackFrame> stack) {
        PoolCreator.Verdict verdict = creator == null ? PoolCreator.Verdict.PROGRAM : PoolCreator.Verdict.UNDECIDED;
        List<StackWalker.StackFrame> kept = new ArrayList<>(Math.min(stackDepth + 1, 16));
        boolean siteComplete = false;
        for (Iterator<StackWalker.StackFrame> frames = stack.iterator(); frames.hasNext(); ) {
            StackWalker.StackFrame frame = frames.next();
            Class<?> type = frame.getDeclaringClass();
            if (verdict == PoolCreator.Verdict.UNDECIDED) {
                verdict = creator.next(type);
                if (verdict == PoolCreator.Verdict.JDK || verdict == PoolCreator.Verdict.LIBRARY) {
                    return null;
                }
            }
            if (!siteComplete && !type.isHidden()) {
                if (kept.isEmpty()) {
                    if (ApplicationFrames.isApplication(type)) {
                        kept.add(frame);
                    }
                } else if (ApplicationFrames.isRunner(type.getName())) {
                    siteComplete = true;
                } else if (!ApplicationFrames.isPlumbing(type)) {
                    kept.add(frame);
                }
                siteComplete |= kept.size() > stackDepth;
            }
            if (siteComplete && verdict != PoolCreator.Verdict.UNDECIDED) {
                break;
            }
        }
        if (verdict == PoolCreator.Verdict.UNDECIDED) {
            return null; // no frame of the program's below the JDK's code: the JDK's pool
        }
        StackTraceElement[] decoded = new StackTraceElement[kept.size()];
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = kept.get(i).toStackTraceElement();
        }
        return new Site(decoded, creator == null ? null : LibraryHolder.of(kept, decoded));
    }
}
