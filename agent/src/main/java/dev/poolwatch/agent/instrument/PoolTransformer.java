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
import dev.poolwatch.agent.library.LibraryKind;
import dev.poolwatch.agent.library.LibraryKinds;

/**
 * Weaves the pool classes named in {@link PoolTargets} as they load or are retransformed, and the
 * pool classes of the watched libraries ({@link LibraryKinds}), with ASM. Every other class
 * costs two map lookups. A class that cannot be woven is left as it was and the error
 * counted: the program must run whatever happens here.
 */
public final class PoolTransformer implements ClassFileTransformer {

    private final Map<String, List<String>> hookedByClass;
    private volatile LibraryKinds libraryKinds = new LibraryKinds(List.of());

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
        PoolTransformer retransformer = new PoolTransformer(hookedByClass);
        retransformer.libraryKinds = libraryKinds;
        return retransformer;
    }

    /** Also weaves the pool classes of these libraries, once one of them loads. */
    public void watchLibraries(LibraryKinds kinds) {
        libraryKinds = kinds;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (className == null) {
            return null;
        }
        PoolTargets.Target target = PoolTargets.forInternalName(className);
        if (target == null) {
            LibraryKind kind = libraryKinds.forInternalName(className);
            return kind == null ? null : weaveLibraryPool(classFile, kind);
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

    private byte[] weaveLibraryPool(byte[] classFile, LibraryKind kind) {
        try {
            List<String> hooked = new ArrayList<>();
            byte[] woven = LibraryPoolWeaver.weave(classFile, kind, hooked);
            if (woven != null) {
                hookedByClass.put(kind.className(), Collections.unmodifiableList(hooked));
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
