package dev.poolwatch.agent.instrument;

import java.util.List;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves the calls into one pool class with ASM. The writer shares the reader's constant pool, so
 * every method that is not hooked is copied byte for byte; a hooked method goes through one small
 * visitor that adds its call. Each call is straight-line code that leaves the operand stack and
 * the locals as it found them, so the method's own stack map frames stay true as ASM moves them,
 * and none is computed (which would load classes from inside a class file transformer).
 */
final class PoolWeaver extends ClassVisitor {

    static final String EVENTS = "dev/poolwatch/agent/bootstrap/PoolEvents";
    private static final int CONSTANT_CLASS = 7;

    private final PoolTargets.Target target;
    private final List<String> hooked;
    private final boolean versionLowered;
    private String owner;
    private boolean hasFrames;

    private PoolWeaver(ClassVisitor writer, PoolTargets.Target target, List<String> hooked, boolean versionLowered) {
        super(Opcodes.ASM9, writer);
        this.target = target;
        this.hooked = hooked;
        this.versionLowered = versionLowered;
    }

    /**
     * Returns the woven class file, or {@code null} if it calls {@code PoolEvents} already: a class
     * is woven once, whichever of the agent's transformers sees it first.
     *
     * @param hooked receives {@code name + descriptor} of every method woven
     */
    static byte[] weave(byte[] original, PoolTargets.Target target, List<String> hooked) {
        byte[] readable = ClassFileVersion.readableByAsm(original);
        ClassReader reader = new ClassReader(readable);
        if (namesClass(reader, EVENTS)) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new PoolWeaver(writer, target, hooked, readable != original), 0);
        byte[] woven = writer.toByteArray();
        return readable == original ? woven : ClassFileVersion.restored(woven, original);
    }

    /** Whether the constant pool names this class ({@code a/b/C}), which every class that uses it does. */
    static boolean namesClass(ClassReader reader, String internalName) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_CLASS
                    && internalName.equals(reader.readUTF8(offset, buffer))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        owner = name;
        // Class files before Java 6 have no stack map frames; the JVM infers their types.
        hasFrames = (version & 0xffff) >= Opcodes.V1_6;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor writer = super.visitMethod(access, name, descriptor, signature, exceptions);
        // Most methods are not hooked: they go to the writer as they are, and it copies their bytes.
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || !target.hooksMethodNamed(name)) {
            return writer;
        }
        Hook hook = target.hookFor(name, descriptor);
        if (hook == null || ((access & Opcodes.ACC_STATIC) != 0) != hook.onStaticMethod()) {
            return writer;
        }
        hooked.add(name + descriptor);
        MethodVisitor woven = versionLowered ? new KnownCodeOnly(writer) : writer;
        // An if chain rather than a switch on the enum, which would load one more class at start-up.
        if (hook == Hook.CREATED) {
            return new CallBeforeReturns(woven);
        }
        if (hook == Hook.PLATFORM_MBEAN_SERVER) {
            return new PassReturnedObject(woven, "platformMBeanServer");
        }
        if (hook == Hook.REJECTED_THROWING) {
            return new RejectionHandler(woven, owner, hasFrames);
        }
        return new CallAtEntry(woven, hook, name);
    }
}
