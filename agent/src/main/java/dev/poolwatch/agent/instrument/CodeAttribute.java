package dev.poolwatch.agent.instrument;

import static dev.poolwatch.agent.instrument.ClassFile.s2;
import static dev.poolwatch.agent.instrument.ClassFile.s4;
import static dev.poolwatch.agent.instrument.ClassFile.u1;
import static dev.poolwatch.agent.instrument.ClassFile.u2;

import java.util.ArrayList;
import java.util.List;

/**
 * One method's {@code Code} attribute, rewritten with straight-line code inserted before chosen
 * instructions and, if asked, an exception handler appended after the last one. Everything that
 * names a code offset moves with the code: branches and switches, the exception table, stack map
 * frames (and the {@code new} instructions they mention), line numbers and local variable ranges.
 *
 * <p>Each insertion is a multiple of four bytes long, so every switch keeps its padding and no
 * instruction changes length; and it leaves the operand stack and the locals as it found them, so
 * every frame stays true. Type annotations on code are dropped rather than left pointing at the
 * wrong instructions: nothing reads them at run time.
 */
final class CodeAttribute {

    /** Code to run before the instruction at {@code offset}. */
    static final class Insertion {
        final int offset;
        final byte[] code;
        /** Whether a jump to {@code offset} runs the inserted code too, or lands after it. */
        final boolean reachedByJumps;

        private Insertion(int offset, byte[] code, boolean reachedByJumps) {
            if (code.length % 4 != 0) {
                throw new IllegalArgumentException("inserted code must be a multiple of 4 bytes long, not " + code.length);
            }
            this.offset = offset;
            this.code = code;
            this.reachedByJumps = reachedByJumps;
        }

        /** Runs once when the method is entered; a loop back to its first instruction does not run it again. */
        static Insertion atEntry(byte[] code) {
            return new Insertion(0, code, false);
        }

        /** Runs before the instruction at {@code offset}, however control gets there. */
        static Insertion before(int offset, byte[] code) {
            return new Insertion(offset, code, true);
        }
    }

    /**
     * A handler for {@code catchType} around all of the original code, the last in the exception
     * table. Its frame holds only {@code this} (of the class {@code thisClass}) and the exception.
     */
    static final class Handler {
        final int catchType;
        final int thisClass;
        /** A {@code CONSTANT_Utf8} "StackMapTable", for a method that had no frames until now. */
        final int stackMapTableName;
        final byte[] code;

        Handler(int catchType, int thisClass, int stackMapTableName, byte[] code) {
            this.catchType = catchType;
            this.thisClass = thisClass;
            this.stackMapTableName = stackMapTableName;
            this.code = code;
        }
    }

    private static final int MAX_CODE_LENGTH = 65535;
    private static final int FULL_FRAME = 255;
    private static final int ITEM_OBJECT = 7;
    private static final int ITEM_UNINITIALIZED = 8;

    private final ClassFile classFile;
    private final byte[] bytes;
    private final int attribute;
    final int maxStack;
    private final int maxLocals;
    private final int codeStart;
    private final int codeLength;
    private final int exceptionTable;
    private final int attributes;

    /** @param attribute offset of the attribute in the class file (its name index) */
    CodeAttribute(ClassFile classFile, int attribute) {
        this.classFile = classFile;
        this.bytes = classFile.bytes;
        this.attribute = attribute;
        maxStack = u2(bytes, attribute + 6);
        maxLocals = u2(bytes, attribute + 8);
        codeLength = s4(bytes, attribute + 10);
        codeStart = attribute + 14;
        exceptionTable = codeStart + codeLength;
        attributes = exceptionTable + 2 + 8 * u2(bytes, exceptionTable);
    }

    /** The offsets of every instruction with this opcode, in order. */
    List<Integer> offsetsOf(int opcode) {
        List<Integer> offsets = new ArrayList<>();
        for (int offset = 0; offset < codeLength; offset += Instructions.length(bytes, codeStart, offset)) {
            if (u1(bytes, codeStart + offset) == opcode) {
                offsets.add(offset);
            }
        }
        return offsets;
    }

    /**
     * The whole rewritten attribute, from its name index on.
     *
     * @param insertions in increasing offset order, at most one per instruction
     * @param handler {@code null} for none
     */
    byte[] rewrite(List<Insertion> insertions, Handler handler, int newMaxStack) {
        Shift shift = new Shift(insertions);
        ByteOutput code = new ByteOutput(codeLength + shift.total + (handler == null ? 0 : handler.code.length));
        if (insertions.isEmpty()) {
            code.bytes(bytes, codeStart, codeLength); // nothing moves
        } else {
            moveCode(code, insertions, shift);
        }
        int originalEnd = code.length();
        if (handler != null) {
            code.bytes(handler.code);
        }
        if (code.length() > MAX_CODE_LENGTH) {
            throw new IllegalStateException("the woven method would have " + code.length() + " bytes of code, more than the "
                    + MAX_CODE_LENGTH + " a JVM loads");
        }

        ByteOutput out = new ByteOutput(exceptionTable - attribute + code.length() + 64);
        int length = beginAttribute(out, u2(bytes, attribute));
        out.u2(newMaxStack).u2(maxLocals).u4(code.length()).bytes(code);
        writeExceptionTable(out, shift, handler, originalEnd);
        writeAttributes(out, shift, handler, originalEnd);
        endAttribute(out, length);
        return out.toByteArray();
    }

    /** Copies the code with the insertions in place, and every jump pointed where its target went. */
    private void moveCode(ByteOutput code, List<Insertion> insertions, Shift shift) {
        int next = 0;
        for (int offset = 0; offset < codeLength; ) {
            if (next < insertions.size() && insertions.get(next).offset == offset) {
                code.bytes(insertions.get(next++).code);
            }
            int length = Instructions.length(bytes, codeStart, offset);
            int opcode = u1(bytes, codeStart + offset);
            int at = code.length();
            code.bytes(bytes, codeStart + offset, length);
            if (Instructions.isShortBranch(opcode)) {
                code.putS2(at + 1, shift.label(offset + s2(bytes, codeStart + offset + 1)) - at);
            } else if (Instructions.isLongBranch(opcode)) {
                code.putS4(at + 1, shift.label(offset + s4(bytes, codeStart + offset + 1)) - at);
            } else if (opcode == Instructions.TABLESWITCH || opcode == Instructions.LOOKUPSWITCH) {
                relocateSwitch(code, at, offset, opcode == Instructions.TABLESWITCH, shift);
            }
            offset += length;
        }
        if (next != insertions.size()) {
            throw new IllegalArgumentException("no instruction starts at offset " + insertions.get(next).offset);
        }
    }

    /** The default and every case target, relative to the switch, which moved by a multiple of four. */
    private void relocateSwitch(ByteOutput code, int at, int offset, boolean table, Shift shift) {
        int padding = Instructions.switchPadding(offset);
        int operands = codeStart + offset + 1 + padding;
        int newOperands = at + 1 + padding;
        code.putS4(newOperands, shift.label(offset + s4(bytes, operands)) - at);
        int targets = table ? s4(bytes, operands + 8) - s4(bytes, operands + 4) + 1 : s4(bytes, operands + 4);
        int stride = table ? 4 : 8; // a lookup switch pairs each target with its match
        for (int target = 0; target < targets; target++) {
            int field = 12 + target * stride;
            code.putS4(newOperands + field, shift.label(offset + s4(bytes, operands + field)) - at);
        }
    }

    private void writeExceptionTable(ByteOutput out, Shift shift, Handler handler, int originalEnd) {
        int entries = u2(bytes, exceptionTable);
        out.u2(entries + (handler == null ? 0 : 1));
        for (int entry = exceptionTable + 2; entry < attributes; entry += 8) {
            out.u2(shift.label(u2(bytes, entry)))
                    .u2(shift.label(u2(bytes, entry + 2)))
                    .u2(shift.label(u2(bytes, entry + 4)))
                    .u2(u2(bytes, entry + 6));
        }
        if (handler != null) {
            out.u2(shift.label(0)).u2(originalEnd).u2(originalEnd).u2(handler.catchType);
        }
    }

    private void writeAttributes(ByteOutput out, Shift shift, Handler handler, int originalEnd) {
        int countAt = out.length();
        out.u2(0);
        int count = 0;
        boolean framesWritten = false;
        int at = attributes + 2;
        for (int remaining = u2(bytes, attributes); remaining > 0; remaining--) {
            int name = u2(bytes, at);
            int body = at + 6;
            int end = body + s4(bytes, at + 2);
            if (classFile.utf8Is(name, "StackMapTable")) {
                writeFrames(out, name, body, shift, handler, originalEnd);
                framesWritten = true;
            } else if (shift.total == 0) {
                out.bytes(bytes, at, end - at); // nothing moved: the rest holds true as it is
            } else if (classFile.utf8Is(name, "LineNumberTable")) {
                writeLineNumbers(out, name, body, shift);
            } else if (classFile.utf8Is(name, "LocalVariableTable") || classFile.utf8Is(name, "LocalVariableTypeTable")) {
                writeLocalVariables(out, name, body, shift);
            } else if (classFile.utf8Is(name, "RuntimeVisibleTypeAnnotations")
                    || classFile.utf8Is(name, "RuntimeInvisibleTypeAnnotations")) {
                count--;
            } else {
                out.bytes(bytes, at, end - at);
            }
            count++;
            at = end;
        }
        if (handler != null && !framesWritten && classFile.majorVersion >= 50) {
            int length = beginAttribute(out, handler.stackMapTableName);
            out.u2(1);
            writeHandlerFrame(out, originalEnd, -1, handler);
            endAttribute(out, length);
            count++;
        }
        out.putU2(countAt, count);
    }

    private void writeLineNumbers(ByteOutput out, int name, int body, Shift shift) {
        int length = beginAttribute(out, name);
        int entries = u2(bytes, body);
        out.u2(entries);
        for (int entry = body + 2; entry < body + 2 + 4 * entries; entry += 4) {
            out.u2(shift.label(u2(bytes, entry))).u2(u2(bytes, entry + 2));
        }
        endAttribute(out, length);
    }

    private void writeLocalVariables(ByteOutput out, int name, int body, Shift shift) {
        int length = beginAttribute(out, name);
        int entries = u2(bytes, body);
        out.u2(entries);
        for (int entry = body + 2; entry < body + 2 + 10 * entries; entry += 10) {
            int start = u2(bytes, entry);
            int newStart = shift.label(start);
            out.u2(newStart).u2(shift.label(start + u2(bytes, entry + 2)) - newStart).bytes(bytes, entry + 4, 6);
        }
        endAttribute(out, length);
    }

    /** Each frame moves to where its instruction went; its offset delta is re-encoded to fit. */
    private void writeFrames(ByteOutput out, int name, int body, Shift shift, Handler handler, int originalEnd) {
        int length = beginAttribute(out, name);
        int frames = u2(bytes, body);
        out.u2(frames + (handler == null ? 0 : 1));
        int at = body + 2;
        int oldOffset = -1;
        int newOffset = -1;
        for (int frame = 0; frame < frames; frame++) {
            int type = u1(bytes, at);
            int delta;
            int payload;
            if (type < 128) {
                delta = type < 64 ? type : type - 64;
                payload = at + 1;
            } else if (type >= 247) {
                delta = u2(bytes, at + 1);
                payload = at + 3;
            } else {
                throw new IllegalArgumentException("reserved stack map frame type " + type);
            }
            oldOffset += delta + 1;
            if (shift.total == 0) { // nothing moved: only the position of the last frame is needed
                int next = copyFrameBody(null, type, payload, shift);
                out.bytes(bytes, at, next - at);
                newOffset = oldOffset;
                at = next;
                continue;
            }
            int movedTo = shift.label(oldOffset);
            int newDelta = movedTo - newOffset - 1;
            newOffset = movedTo;
            if (type < 64 || type == 251) {
                writeFrameHeader(out, newDelta < 64 ? newDelta : 251, newDelta);
            } else if (type < 128 || type == 247) {
                writeFrameHeader(out, newDelta < 64 ? 64 + newDelta : 247, newDelta);
            } else {
                writeFrameHeader(out, type, newDelta);
            }
            at = copyFrameBody(out, type, payload, shift);
        }
        if (handler != null) {
            writeHandlerFrame(out, originalEnd, newOffset, handler);
        }
        endAttribute(out, length);
    }

    private static void writeFrameHeader(ByteOutput out, int type, int delta) {
        out.u1(type);
        if (type >= 247) {
            out.u2(delta);
        }
    }

    /**
     * Copies what follows a frame's type and delta, moving {@code Uninitialized} offsets, into
     * {@code out}, or only skips it if {@code out} is {@code null}; returns where the next frame starts.
     */
    private int copyFrameBody(ByteOutput out, int type, int at, Shift shift) {
        if (type < 64 || (type >= 248 && type <= 251)) { // same, chop: nothing follows
            return at;
        }
        if (type < 128 || type == 247) { // one stack item
            return copyVerificationTypes(out, at, 1, shift);
        }
        if (type < FULL_FRAME) { // append: type - 251 locals
            return copyVerificationTypes(out, at, type - 251, shift);
        }
        int locals = u2(bytes, at);
        if (out != null) {
            out.u2(locals);
        }
        at = copyVerificationTypes(out, at + 2, locals, shift);
        int stack = u2(bytes, at);
        if (out != null) {
            out.u2(stack);
        }
        return copyVerificationTypes(out, at + 2, stack, shift);
    }

    private int copyVerificationTypes(ByteOutput out, int at, int count, Shift shift) {
        for (int i = 0; i < count; i++) {
            int tag = u1(bytes, at);
            int length = tag == ITEM_OBJECT || tag == ITEM_UNINITIALIZED ? 3 : 1;
            if (out != null) {
                out.u1(tag);
                if (tag == ITEM_OBJECT) {
                    out.u2(u2(bytes, at + 1));
                } else if (tag == ITEM_UNINITIALIZED) {
                    out.u2(shift.instruction(u2(bytes, at + 1)));
                }
            }
            at += length;
        }
        return at;
    }

    private static void writeHandlerFrame(ByteOutput out, int handlerOffset, int previousFrame, Handler handler) {
        out.u1(FULL_FRAME).u2(handlerOffset - previousFrame - 1)
                .u2(1).u1(ITEM_OBJECT).u2(handler.thisClass)
                .u2(1).u1(ITEM_OBJECT).u2(handler.catchType);
    }

    /** Writes an attribute's name and a length to fill in; returns where the length goes. */
    private static int beginAttribute(ByteOutput out, int name) {
        out.u2(name).u4(0);
        return out.length() - 4;
    }

    private static void endAttribute(ByteOutput out, int lengthAt) {
        out.putS4(lengthAt, out.length() - lengthAt - 4);
    }

    /** Where an offset of the original code lies in the rewritten code. */
    private static final class Shift {
        private final List<Insertion> insertions;
        final int total;

        Shift(List<Insertion> insertions) {
            this.insertions = insertions;
            int sum = 0;
            int previous = -1;
            for (Insertion insertion : insertions) {
                if (insertion.offset <= previous) {
                    throw new IllegalArgumentException("insertions must be in increasing offset order, one per instruction");
                }
                previous = insertion.offset;
                sum += insertion.code.length;
            }
            total = sum;
        }

        /** Where the instruction at {@code offset} went: after any code inserted before it. */
        int instruction(int offset) {
            int moved = offset;
            for (int i = 0; i < insertions.size(); i++) {
                Insertion insertion = insertions.get(i);
                if (insertion.offset <= offset) {
                    moved += insertion.code.length;
                }
            }
            return moved;
        }

        /**
         * Where a jump, handler, frame, line or variable range that named {@code offset} now points:
         * at the inserted code if jumps run it, otherwise at the instruction.
         */
        int label(int offset) {
            int moved = offset;
            for (int i = 0; i < insertions.size(); i++) {
                Insertion insertion = insertions.get(i);
                if (insertion.offset < offset || (insertion.offset == offset && !insertion.reachedByJumps)) {
                    moved += insertion.code.length;
                }
            }
            return moved;
        }
    }
}
