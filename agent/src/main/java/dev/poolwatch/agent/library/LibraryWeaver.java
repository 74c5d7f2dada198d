package dev.poolwatch.agent.library;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves a library's pool class with Byte Buddy's {@link Advice}: each constructor reports the pool
 * when it returns, each close method when it is entered. Loaded, with Byte Buddy, the first time a
 * library's pool class loads, and never in a program that has none.
 */
public final class LibraryWeaver {

    private static final ClassFileLocator AGENT_CLASSES = ClassFileLocator.ForClassLoader.of(LibraryWeaver.class.getClassLoader());

    private LibraryWeaver() {
    }

    /** {@code classFile} of {@code kind}'s class, loading in {@code loader}, with the advice inlined. */
    public static byte[] weave(ClassLoader loader, byte[] classFile, LibraryKind kind) {
        ClassFileLocator library = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(kind.className(), classFile),
                loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader));
        TypeDescription type = TypePool.Default.of(library).describe(kind.className()).resolve();
        return new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .redefine(type, library)
                .visit(Advice.withCustomMapping()
                        .bind(LibraryPoolAdvice.KindName.class, kind.name())
                        .bind(LibraryPoolAdvice.CloseMethod.class, kind.closeMethods().get(0))
                        .bind(LibraryPoolAdvice.BusyProbe.class, kind.busyProbe() == null ? "" : kind.busyProbe())
                        .to(LibraryPoolAdvice.Created.class, AGENT_CLASSES).on(isConstructor()))
                .visit(Advice.to(LibraryPoolAdvice.Closed.class, AGENT_CLASSES)
                        .on(namedOneOf(kind.closeMethods().toArray(new String[0])).and(not(isAbstract()))))
                .make()
                .getBytes();
    }
}
