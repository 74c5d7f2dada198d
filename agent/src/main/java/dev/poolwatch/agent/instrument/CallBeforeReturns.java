package dev.poolwatch.agent.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import dev.poolwatch.agent.library.LibraryKind;

/**
 * A call before every {@code return} of a constructor, where the object is fully built: for a JDK
 * pool {@code PoolEvents.created(this)}, for a library's {@code PoolEvents.libraryPoolCreated(this,
 * kind, closeMethod, busyProbe)}. A jump to the {@code return} lands on the call: its label comes
 * first.
 */
final class CallBeforeReturns extends MethodVisitor {

    private final LibraryKind kind;

    /** {@code PoolEvents.created(this)}. */
    CallBeforeReturns(MethodVisitor writer) {
        this(writer, null);
    }

    /** {@code PoolEvents.libraryPoolCreated(this, ...)} with {@code kind}'s data, or {@code created(this)} for none. */
    CallBeforeReturns(MethodVisitor writer, LibraryKind kind) {
        super(Opcodes.ASM9, writer);
        this.kind = kind;
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.RETURN) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            if (kind == null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, PoolWeaver.EVENTS, "created", "(Ljava/lang/Object;)V", false);
            } else {
                super.visitLdcInsn(kind.name());
                super.visitLdcInsn(kind.closeMethods().get(0));
                super.visitLdcInsn(kind.busyProbe() == null ? "" : kind.busyProbe());
                super.visitMethodInsn(Opcodes.INVOKESTATIC, PoolWeaver.EVENTS, "libraryPoolCreated",
                        "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V", false);
            }
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        // A return may leave values on the stack: the call's arguments go on top of them.
        super.visitMaxs(maxStack + (kind == null ? 1 : 4), maxLocals);
    }
}
