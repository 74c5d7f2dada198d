package dev.poolwatch.agent.instrument;

import java.util.List;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import dev.poolwatch.agent.library.LibraryKind;

/**
 * Weaves a library's pool class with ASM, as {@link PoolWeaver} weaves the JDK's: every constructor
 * reports the pool before it returns ({@code PoolEvents.libraryPoolCreated(this, kind, closeMethod,
 * busyProbe)}, the kind's data as constants), and every close method the class declares reports
 * its entry. The same straight-line calls, so the methods' stack map frames stay as they are.
 */
final class LibraryPoolWeaver extends ClassVisitor {

    private final LibraryKind kind;
    private final List<String> hooked;
    private final boolean versionLowered;

    private LibraryPoolWeaver(ClassVisitor writer, LibraryKind kind, List<String> hooked, boolean versionLowered) {
        super(Opcodes.ASM9, writer);
        this.kind = kind;
        this.hooked = hooked;
        this.versionLowered = versionLowered;
    }

    /**
     * Returns the woven class file, or {@code null} if it calls {@code PoolEvents} already.
     *
     * @param hooked receives {@code name + descriptor} of every method woven
     */
    static byte[] weave(byte[] original, LibraryKind kind, List<String> hooked) {
        byte[] readable = ClassFileVersion.readableByAsm(original);
        ClassReader reader = new ClassReader(readable);
        if (PoolWeaver.namesClass(reader, PoolWeaver.EVENTS)) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new LibraryPoolWeaver(writer, kind, hooked, readable != original), 0);
        byte[] woven = writer.toByteArray();
        return readable == original ? woven : ClassFileVersion.restored(woven, original);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor writer = super.visitMethod(access, name, descriptor, signature, exceptions);
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC)) != 0) {
            return writer;
        }
        boolean constructor = name.equals("<init>");
        if (!constructor && !kind.closeMethods().contains(name)) {
            return writer;
        }
        hooked.add(name + descriptor);
        MethodVisitor woven = versionLowered ? new KnownCodeOnly(writer) : writer;
        return constructor ? new CallBeforeReturns(woven, kind) : new CallAtEntry(woven, Hook.SHUTDOWN, name);
    }
}
