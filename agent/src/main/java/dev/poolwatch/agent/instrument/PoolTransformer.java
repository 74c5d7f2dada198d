package dev.poolwatch.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.poolwatch.agent.bootstrap.InternalErrors;

/**
 * Weaves the pool classes named in {@link PoolTargets} as they load or are retransformed. Every
 * other class costs one map lookup. A class that cannot be woven is left as it was and the error
 * counted: the program must run whatever happens here.
 */
public final class PoolTransformer implements ClassFileTransformer {

    private final Map<String, List<String>> hookedByClass = new ConcurrentHashMap<>();
    private final Map<String, AheadOfLoading> wovenAhead = new ConcurrentHashMap<>();

    /** A class file being woven ahead of its loading, by the thread that called {@link #weaveAhead}. */
    private static final class AheadOfLoading {
        final byte[] classFile;
        final CountDownLatch done = new CountDownLatch(1);
        volatile byte[] woven;
        volatile List<String> hooked;

        AheadOfLoading(byte[] classFile) {
            this.classFile = classFile;
        }
    }

    /**
     * Weaves a target class before it loads, on the calling thread (one of the agent's own). When the
     * JVM then hands over the same class file, the loading thread takes this result, waiting for it
     * if need be, instead of weaving the class a second time beside it: two first runs of the weaver
     * at once only slow each other down.
     */
    public void weaveAhead(String internalName, byte[] classFile) {
        PoolTargets.Target target = PoolTargets.forInternalName(internalName);
        if (target == null) {
            return;
        }
        AheadOfLoading ahead = new AheadOfLoading(classFile);
        wovenAhead.put(internalName, ahead);
        try {
            List<String> hooked = new ArrayList<>();
            ahead.woven = PoolWeaver.weave(classFile, target, hooked);
            ahead.hooked = Collections.unmodifiableList(hooked);
        } catch (RuntimeException | LinkageError error) {
            // Not recorded here: this may run before the bootstrap classes exist. The class is
            // woven again when it loads, and the error recorded then.
        } finally {
            ahead.done.countDown();
        }
    }

    /** The class woven ahead from exactly this class file, or {@code null}. */
    private byte[] takeWovenAhead(String className, PoolTargets.Target target, byte[] classFile) {
        AheadOfLoading ahead = wovenAhead.remove(className);
        if (ahead == null || !Arrays.equals(ahead.classFile, classFile)) {
            return null;
        }
        try {
            if (!ahead.done.await(AHEAD_WAIT_SECONDS, TimeUnit.SECONDS) || ahead.woven == null) {
                return null;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
        hookedByClass.put(target.className(), ahead.hooked);
        return ahead.woven;
    }

    /** Bounds the wait for a weave ahead: past it, the loading thread weaves the class itself. */
    private static final long AHEAD_WAIT_SECONDS = 5;

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (className == null) {
            return null;
        }
        PoolTargets.Target target = PoolTargets.forInternalName(className);
        if (target == null) {
            return null;
        }
        byte[] ahead = takeWovenAhead(className, target, classFile);
        if (ahead != null) {
            return ahead;
        }
        try {
            List<String> hooked = new ArrayList<>();
            byte[] woven = PoolWeaver.weave(classFile, target, hooked);
            hookedByClass.put(target.className(), Collections.unmodifiableList(hooked));
            return woven;
        } catch (Throwable error) {
            InternalErrors.record(error);
            return null;
        }
    }

    /** Binary names of the classes this transformer weaves, for finding those already loaded. */
    public static Set<String> targetClassNames() {
        return PoolTargets.classNames();
    }

    /** The methods woven so far, by class name: what the agent really hooks on this JVM. */
    public Map<String, List<String>> hooked() {
        return Collections.unmodifiableMap(hookedByClass);
    }
}
