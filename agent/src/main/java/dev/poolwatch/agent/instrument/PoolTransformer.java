package dev.poolwatch.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.poolwatch.agent.bootstrap.InternalErrors;

/**
 * Weaves the pool classes named in {@link PoolTargets} as they load or are retransformed. Every
 * other class costs one map lookup. A class that cannot be woven is left as it was and the error
 * counted: the program must run whatever happens here.
 */
public final class PoolTransformer implements ClassFileTransformer {

    private final Map<String, List<String>> hookedByClass;

    /** A transformer for classes as they load, to be added as one that cannot retransform. */
    public PoolTransformer() {
        this(new ConcurrentHashMap<>());
    }

    private PoolTransformer(Map<String, List<String>> hookedByClass) {
        this.hookedByClass = hookedByClass;
    }

    /**
     * A second transformer, for the targets loaded before this one was added, to be added as one
     * that can retransform; it records what it hooks in the same place. Where both see a class (a
     * class loading, or redefined, while both are registered), the second finds it woven already
     * and leaves it.
     */
    public PoolTransformer forRetransformation() {
        return new PoolTransformer(hookedByClass);
    }

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
        try {
            List<String> hooked = new ArrayList<>();
            byte[] woven = PoolWeaver.weave(classFile, target, hooked);
            if (woven != null) {
                hookedByClass.put(target.className(), Collections.unmodifiableList(hooked));
            }
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
