package dev.poolwatch.agent.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code PoolEvents.<event>(value)} before every {@code areturn}, with the value returned: a copy of
 * it is passed, and the method returns the value as before. A jump to the {@code areturn} lands on
 * the call: its label comes first.
 */
final class PassReturnedObject extends MethodVisitor {

    private final String event;

    PassReturnedObject(MethodVisitor writer, String event) {
        super(Opcodes.ASM9, writer);
        this.event = event;
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.ARETURN) {
            super.visitInsn(Opcodes.DUP);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, PoolWeaver.EVENTS, event, "(Ljava/lang/Object;)V", false);
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(maxStack + 1, maxLocals);
    }
}
