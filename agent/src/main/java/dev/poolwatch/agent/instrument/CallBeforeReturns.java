package dev.poolwatch.agent.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code PoolEvents.created(this)} before every {@code return} of a constructor, where the object
 * is fully built. A jump to the {@code return} lands on the call: its label comes first.
 */
final class CallBeforeReturns extends MethodVisitor {

    CallBeforeReturns(MethodVisitor writer) {
        super(Opcodes.ASM9, writer);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.RETURN) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, PoolWeaver.EVENTS, "created", "(Ljava/lang/Object;)V", false);
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        // A return may leave values on the stack: this goes on top of them.
        super.visitMaxs(maxStack + 1, maxLocals);
    }
}
