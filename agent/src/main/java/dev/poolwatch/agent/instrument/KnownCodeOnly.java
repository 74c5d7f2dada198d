package dev.poolwatch.agent.instrument;

import org.objectweb.asm.Attribute;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Refuses to weave a method whose code carries an attribute ASM does not know, in a class file
 * newer than ASM reads. Such an attribute may be one the newer JVM defines and checks, and may
 * name code offsets that the woven call moved: the class is left as it was rather than handed to
 * the JVM with offsets that no longer hold.
 */
final class KnownCodeOnly extends MethodVisitor {

    private boolean inCode;

    KnownCodeOnly(MethodVisitor writer) {
        super(Opcodes.ASM9, writer);
    }

    @Override
    public void visitCode() {
        inCode = true;
        super.visitCode();
    }

    @Override
    public void visitAttribute(Attribute attribute) {
        if (inCode) {
            throw new IllegalStateException("not woven: the code of a hooked method has a " + attribute.type
                    + " attribute, unknown to the bytecode library of this poolwatch, in a class file newer than it reads");
        }
        super.visitAttribute(attribute);
    }
}
