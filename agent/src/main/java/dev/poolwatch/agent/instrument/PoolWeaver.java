package dev.poolwatch.agent.instrument;

import java.util.List;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves the calls into one pool class. Each woven call is straight-line code that leaves the
 * operand stack as it found it, so no stack map frame changes and no class needs to be loaded to
 * compute one, and each visitor knows how much stack its code adds: ASM computes nothing (which
 * spares loading and running its flow analysis at start-up), and methods without hooks are copied
 * unchanged.
 */
final class PoolWeaver {

    static final String EVENTS = "dev/poolwatch/agent/bootstrap/PoolEvents";

    private PoolWeaver() {
    }

    /**
     * Returns the woven class file.
     *
     * @param hooked receives {@code name + descriptor} of every method woven
     */
    static byte[] weave(byte[] classFile, PoolTargets.Target target, List<String> hooked) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                Hook hook = target.hookFor(name, descriptor);
                boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
                if (hook == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                        || isStatic != (hook == Hook.EXITING)) {
                    return next;
                }
                hooked.add(name + descriptor);
                return switch (hook) {
                    case CREATED -> new BeforeReturn(next);
                    case SHUTDOWN -> new AtEntry(next, Opcodes.ALOAD, "shutdown", "(Ljava/lang/Object;Ljava/lang/String;)V", name);
                    case REJECTED -> new AtEntry(next, Opcodes.ALOAD, "rejected", "(Ljava/lang/Object;)V", null);
                    case EXITING -> new AtEntry(next, Opcodes.ILOAD, "exiting", "(I)V", null);
                    case REJECTED_THROWING -> new ReportRejectionThrown(next, reader.getClassName());
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    /** {@code PoolEvents.created(this)} before every {@code RETURN}: the object is fully built there. */
    private static final class BeforeReturn extends MethodVisitor {

        BeforeReturn(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        /** One more slot, for {@code this}, on top of whatever the method had at a return. */
        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + 1, maxLocals);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.RETURN) {
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, "created", "(Ljava/lang/Object;)V", false);
            }
            super.visitInsn(opcode);
        }
    }

    /**
     * A call to {@code PoolEvents.<event>(local0[, methodName])} as the method's first instructions:
     * local 0 is {@code this} for instance methods, the first argument for a static one.
     */
    private static final class AtEntry extends MethodVisitor {

        private final int loadOpcode;
        private final String event;
        private final String eventDescriptor;
        private final String methodName;

        AtEntry(MethodVisitor next, int loadOpcode, String event, String eventDescriptor, String methodName) {
            super(Opcodes.ASM9, next);
            this.loadOpcode = loadOpcode;
            this.event = event;
            this.eventDescriptor = eventDescriptor;
            this.methodName = methodName;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(loadOpcode, 0);
            if (methodName != null) {
                super.visitLdcInsn(methodName);
            }
            super.visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, event, eventDescriptor, false);
        }

        /** The call's arguments, at most two, on the empty stack the method starts with. */
        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(Math.max(maxStack, 2), maxLocals);
        }
    }

    /**
     * Wraps the whole method in a handler for {@code RejectedExecutionException} that calls
     * {@code PoolEvents.rejectedThrowing(this, exception)} and rethrows. The handler is added last,
     * so a rejection the method catches itself never reaches it; its frame declares only
     * {@code this}, which every instruction in the range agrees with, so no other frame changes.
     */
    private static final class ReportRejectionThrown extends MethodVisitor {

        private static final String REJECTED_EXECUTION = "java/util/concurrent/RejectedExecutionException";

        private final String owner;
        private final Label start = new Label();
        private final Label end = new Label();
        private final Label handler = new Label();

        ReportRejectionThrown(MethodVisitor next, String owner) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitLabel(start);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitLabel(end);
            super.visitLabel(handler);
            super.visitFrame(Opcodes.F_FULL, 1, new Object[] {owner}, 1, new Object[] {REJECTED_EXECUTION});
            super.visitInsn(Opcodes.DUP);
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitInsn(Opcodes.SWAP);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, "rejectedThrowing",
                    "(Ljava/lang/Object;Ljava/lang/Throwable;)V", false);
            super.visitInsn(Opcodes.ATHROW);
            super.visitTryCatchBlock(start, end, handler, REJECTED_EXECUTION);
            super.visitMaxs(Math.max(maxStack, 3), maxLocals); // the handler's exception, twice, and this
        }
    }
}
