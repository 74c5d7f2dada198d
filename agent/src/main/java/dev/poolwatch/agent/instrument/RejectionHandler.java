package dev.poolwatch.agent.instrument;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code catch (RejectedExecutionException e) { PoolEvents.rejectedThrowing(this, e); throw e; }}
 * around the whole method, for pools that reject by throwing from deep inside: nothing runs until
 * a task is rejected. The handler is the last entry of the exception table, so that the method's
 * own handlers still catch first, and its code goes after the method's last instruction.
 *
 * <p>ASM visits the method's own handlers before its first instruction or label, and a handler
 * has to be visited before its labels are: so this one is declared on the first visit that is not
 * a handler, which every override below starts with.
 */
final class RejectionHandler extends MethodVisitor {

    private static final String REJECTED_EXECUTION = "java/util/concurrent/RejectedExecutionException";

    private final String owner;
    private final boolean hasFrames;
    private final Label start = new Label();
    private final Label handler = new Label();
    private boolean declared;

    /**
     * @param owner the internal name of the class, the type of {@code this} in the handler's frame
     * @param hasFrames whether the class file has stack map frames (Java 6 and later)
     */
    RejectionHandler(MethodVisitor writer, String owner, boolean hasFrames) {
        super(Opcodes.ASM9, writer);
        this.owner = owner;
        this.hasFrames = hasFrames;
    }

    private void declareBeforeTheCode() {
        if (!declared) {
            declared = true;
            super.visitTryCatchBlock(start, handler, handler, REJECTED_EXECUTION);
            super.visitLabel(start);
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitLabel(handler);
        if (hasFrames) {
            super.visitFrame(Opcodes.F_FULL, 1, new Object[] {owner}, 1, new Object[] {REJECTED_EXECUTION});
        }
        super.visitInsn(Opcodes.DUP);
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitInsn(Opcodes.SWAP);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, PoolWeaver.EVENTS, "rejectedThrowing",
                "(Ljava/lang/Object;Ljava/lang/Throwable;)V", false);
        super.visitInsn(Opcodes.ATHROW);
        // The exception twice, and this.
        super.visitMaxs(Math.max(maxStack, 3), maxLocals);
    }

    @Override
    public void visitLabel(Label label) {
        declareBeforeTheCode();
        super.visitLabel(label);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        declareBeforeTheCode();
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitLineNumber(int line, Label label) {
        declareBeforeTheCode();
        super.visitLineNumber(line, label);
    }

    @Override
    public void visitInsn(int opcode) {
        declareBeforeTheCode();
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        declareBeforeTheCode();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        declareBeforeTheCode();
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        declareBeforeTheCode();
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
        declareBeforeTheCode();
        super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor, boolean isInterface) {
        declareBeforeTheCode();
        super.visitMethodInsn(opcode, methodOwner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethod, Object... arguments) {
        declareBeforeTheCode();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethod, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        declareBeforeTheCode();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        declareBeforeTheCode();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        declareBeforeTheCode();
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label defaultLabel, Label... labels) {
        declareBeforeTheCode();
        super.visitTableSwitchInsn(min, max, defaultLabel, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label defaultLabel, int[] keys, Label[] labels) {
        declareBeforeTheCode();
        super.visitLookupSwitchInsn(defaultLabel, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        declareBeforeTheCode();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }
}
