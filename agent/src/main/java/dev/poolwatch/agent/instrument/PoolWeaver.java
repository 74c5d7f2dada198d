package dev.poolwatch.agent.instrument;

import static dev.poolwatch.agent.instrument.Instructions.ALOAD_0;
import static dev.poolwatch.agent.instrument.Instructions.ATHROW;
import static dev.poolwatch.agent.instrument.Instructions.DUP;
import static dev.poolwatch.agent.instrument.Instructions.ILOAD_0;
import static dev.poolwatch.agent.instrument.Instructions.INVOKESTATIC;
import static dev.poolwatch.agent.instrument.Instructions.LDC_W;
import static dev.poolwatch.agent.instrument.Instructions.NOP;
import static dev.poolwatch.agent.instrument.Instructions.RETURN;
import static dev.poolwatch.agent.instrument.Instructions.SWAP;

import java.util.ArrayList;
import java.util.List;

/**
 * Weaves the calls into one pool class, working on the class file bytes directly. The hooks are an
 * exact list of methods, and each woven call is a few straight-line instructions that leave the
 * operand stack and the locals as they found them, so the class file only needs its code moved,
 * never analysed. That is small enough to write here, and it keeps a bytecode library's hundreds of
 * kilobytes of classes from being loaded and verified while every program starts.
 *
 * <p>Only the hooked methods' {@code Code} attributes change; everything else is copied as it was,
 * and the constants the calls need are appended to the constant pool.
 */
final class PoolWeaver {

    static final String EVENTS = "dev/poolwatch/agent/bootstrap/PoolEvents";
    private static final String REJECTED_EXECUTION = "java/util/concurrent/RejectedExecutionException";

    private final ClassFile classFile;
    private final NewConstants constants;
    // The calls every hooked method of a kind shares, made once per class.
    private byte[] createdCall;
    private byte[] rejectedCall;
    private byte[] exitingCall;
    private CodeAttribute.Handler rejectionHandler;

    private PoolWeaver(ClassFile classFile) {
        this.classFile = classFile;
        this.constants = new NewConstants(classFile);
    }

    /**
     * Returns the woven class file, or {@code null} if it calls {@code PoolEvents} already: a class
     * is woven once, whichever of the agent's transformers sees it first.
     *
     * @param hooked receives {@code name + descriptor} of every method woven
     */
    static byte[] weave(byte[] original, PoolTargets.Target target, List<String> hooked) {
        ClassFile classFile = new ClassFile(original);
        if (classFile.namesClass(EVENTS)) {
            return null;
        }
        PoolWeaver weaver = new PoolWeaver(classFile);
        List<ClassFile.Method> methods = classFile.methods;
        byte[][] wovenCode = new byte[methods.size()][];
        for (int i = 0; i < methods.size(); i++) {
            ClassFile.Method method = methods.get(i);
            if (method.codeAttribute < 0) {
                continue;
            }
            // Most methods are not hooked: their descriptors are never decoded.
            String name = classFile.utf8(method.nameIndex);
            if (!target.hooksMethodNamed(name)) {
                continue;
            }
            String descriptor = classFile.utf8(method.descriptorIndex);
            Hook hook = target.hookFor(name, descriptor);
            if (hook == null || method.isStatic() != (hook == Hook.EXITING)) {
                continue;
            }
            wovenCode[i] = weaver.weave(method, hook);
            hooked.add(name + descriptor);
        }
        return weaver.assemble(wovenCode);
    }

    private byte[] weave(ClassFile.Method method, Hook hook) {
        CodeAttribute code = new CodeAttribute(classFile, method.codeAttribute);
        // An if chain rather than a switch on the enum, which would load one more class at start-up.
        if (hook == Hook.CREATED) {
            // PoolEvents.created(this) before every return: the object is fully built there.
            if (createdCall == null) {
                createdCall = invoke(ALOAD_0, constants.staticMethod(EVENTS, "created", "(Ljava/lang/Object;)V"));
            }
            List<CodeAttribute.Insertion> beforeReturns = new ArrayList<>();
            for (int offset : code.offsetsOf(RETURN)) {
                beforeReturns.add(CodeAttribute.Insertion.before(offset, createdCall));
            }
            return code.rewrite(beforeReturns, null, code.maxStack + 1);
        }
        if (hook == Hook.SHUTDOWN) {
            // PoolEvents.shutdown(this, "<method name>"), padded to four bytes by a nop.
            int name = constants.string(method.nameIndex);
            int shutdown = constants.staticMethod(EVENTS, "shutdown", "(Ljava/lang/Object;Ljava/lang/String;)V");
            byte[] call = {(byte) ALOAD_0, (byte) LDC_W, (byte) (name >>> 8), (byte) name,
                    (byte) INVOKESTATIC, (byte) (shutdown >>> 8), (byte) shutdown, (byte) NOP};
            return code.rewrite(List.of(CodeAttribute.Insertion.atEntry(call)), null, Math.max(code.maxStack, 2));
        }
        if (hook == Hook.REJECTED) {
            if (rejectedCall == null) {
                rejectedCall = invoke(ALOAD_0, constants.staticMethod(EVENTS, "rejected", "(Ljava/lang/Object;)V"));
            }
            return code.rewrite(List.of(CodeAttribute.Insertion.atEntry(rejectedCall)), null, Math.max(code.maxStack, 1));
        }
        if (hook == Hook.EXITING) {
            // Local 0 of the static Shutdown.exit(int) is the status.
            if (exitingCall == null) {
                exitingCall = invoke(ILOAD_0, constants.staticMethod(EVENTS, "exiting", "(I)V"));
            }
            return code.rewrite(List.of(CodeAttribute.Insertion.atEntry(exitingCall)), null, Math.max(code.maxStack, 1));
        }
        // REJECTED_THROWING: catch (RejectedExecutionException e) { PoolEvents.rejectedThrowing(this, e); throw e; }
        if (rejectionHandler == null) {
            int report = constants.staticMethod(EVENTS, "rejectedThrowing", "(Ljava/lang/Object;Ljava/lang/Throwable;)V");
            byte[] handlerCode = {(byte) DUP, (byte) ALOAD_0, (byte) SWAP, (byte) INVOKESTATIC, (byte) (report >>> 8),
                    (byte) report, (byte) ATHROW};
            rejectionHandler = new CodeAttribute.Handler(constants.classRef(REJECTED_EXECUTION), classFile.thisClass,
                    constants.utf8("StackMapTable"), handlerCode);
        }
        // The exception twice, and this.
        return code.rewrite(List.of(), rejectionHandler, Math.max(code.maxStack, 3));
    }

    /** {@code <load local 0>; invokestatic <method>}: four bytes. */
    private static byte[] invoke(int loadLocal0, int method) {
        return new byte[] {(byte) loadLocal0, (byte) INVOKESTATIC, (byte) (method >>> 8), (byte) method};
    }

    private byte[] assemble(byte[][] wovenCode) {
        byte[] original = classFile.bytes;
        ByteOutput out = new ByteOutput(original.length + 1024);
        out.bytes(original, 0, 8).u2(constants.count()).bytes(original, 10, classFile.constantPoolEnd - 10);
        constants.writeTo(out);
        out.bytes(original, classFile.constantPoolEnd, classFile.methodsCountOffset + 2 - classFile.constantPoolEnd);
        List<ClassFile.Method> methods = classFile.methods;
        for (int i = 0; i < methods.size(); i++) {
            ClassFile.Method method = methods.get(i);
            if (wovenCode[i] == null) {
                out.bytes(original, method.start, method.end - method.start);
            } else {
                out.bytes(original, method.start, method.codeAttribute - method.start)
                        .bytes(wovenCode[i])
                        .bytes(original, method.codeAttributeEnd, method.end - method.codeAttributeEnd);
            }
        }
        out.bytes(original, classFile.methodsEnd, original.length - classFile.methodsEnd);
        return out.toByteArray();
    }
}
