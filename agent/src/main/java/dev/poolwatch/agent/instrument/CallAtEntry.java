package dev.poolwatch.agent.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A call at method entry, before the first instruction and its label: it runs once when the
 * method is entered, never again from a loop back to the start. {@link Hook#SHUTDOWN}:
 * {@code PoolEvents.shutdown(this, "<method name>")}; {@link Hook#REJECTED}:
 * {@code PoolEvents.rejected(this)}; {@link Hook#STARTING_WORKER}: {@code PoolEvents.startingWorker(this)};
 * {@link Hook#EXITING}: {@code PoolEvents.exiting(status)}.
 */
final class CallAtEntry extends MethodVisitor {

    private final Hook hook;
    private final String methodName;

    CallAtEntry(MethodVisitor writer, Hook hook, String methodName) {
        super(Opcodes.ASM9, writer);
        this.hook = hook;
        this.methodName = methodName;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (hook == Hook.EXITING) {
            // Local 0 of the static Shutdown.exit(int) is the status.
            super.visitVarInsn(Opcodes.ILOAD, 0);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, PoolWeaver.EVENTS, "exiting", "(I)V", false);
        } else if (hook == Hook.SHUTDOWN) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitLdcInsn(methodName);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, PoolWeaver.EVENTS, "shutdown",
                    "(Ljava/lang/Object;Ljava/lang/String;)V", false);
        } else {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, PoolWeaver.EVENTS,
                    hook == Hook.STARTING_WORKER ? "startingWorker" : "rejected", "(Ljava/lang/Object;)V", false);
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        // The stack is empty at entry.
        super.visitMaxs(Math.max(maxStack, hook == Hook.SHUTDOWN ? 2 : 1), maxLocals);
    }
}
