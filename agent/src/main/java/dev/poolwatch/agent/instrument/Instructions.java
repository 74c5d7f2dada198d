package dev.poolwatch.agent.instrument;

/** The JVM's opcodes the weaver writes or has to understand, and the length of every instruction. */
final class Instructions {

    static final int NOP = 0x00;
    static final int ILOAD_0 = 0x1a;
    static final int ALOAD_0 = 0x2a;
    static final int LDC_W = 0x13;
    static final int DUP = 0x59;
    static final int SWAP = 0x5f;
    static final int IINC = 0x84;
    static final int TABLESWITCH = 0xaa;
    static final int LOOKUPSWITCH = 0xab;
    static final int RETURN = 0xb1;
    static final int INVOKESTATIC = 0xb8;
    static final int ATHROW = 0xbf;
    static final int WIDE = 0xc4;
    static final int IFNULL = 0xc6;
    static final int IFNONNULL = 0xc7;
    static final int GOTO_W = 0xc8;
    static final int JSR_W = 0xc9;

    /** Length of each fixed-length instruction; 0 for the three variable ones, -1 for no instruction. */
    private static final byte[] FIXED_LENGTH = fixedLengths();

    private Instructions() {
    }

    private static byte[] fixedLengths() {
        byte[] lengths = new byte[256];
        for (int opcode = 0; opcode < lengths.length; opcode++) {
            lengths[opcode] = (byte) (opcode <= JSR_W ? 1 : -1);
        }
        setLength(lengths, 2, 0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3a, 0xa9, 0xbc);
        setLength(lengths, 3, 0x11, LDC_W, 0x14, IINC, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, INVOKESTATIC, 0xbb, 0xbd, 0xc0,
                0xc1, IFNULL, IFNONNULL);
        for (int branch = 0x99; branch <= 0xa8; branch++) { // if<cond>, if_icmp<cond>, if_acmp<cond>, goto, jsr
            lengths[branch] = 3;
        }
        setLength(lengths, 4, 0xc5);
        setLength(lengths, 5, 0xb9, 0xba, GOTO_W, JSR_W);
        setLength(lengths, 0, TABLESWITCH, LOOKUPSWITCH, WIDE);
        return lengths;
    }

    private static void setLength(byte[] lengths, int length, int... opcodes) {
        for (int opcode : opcodes) {
            lengths[opcode] = (byte) length;
        }
    }

    /** The length in bytes of the instruction at {@code code[codeStart + offset]}. */
    static int length(byte[] code, int codeStart, int offset) {
        int opcode = code[codeStart + offset] & 0xff;
        int fixed = FIXED_LENGTH[opcode];
        if (fixed > 0) {
            return fixed;
        }
        if (fixed < 0) {
            throw new IllegalStateException("no instruction has opcode 0x" + Integer.toHexString(opcode) + " (at " + offset + ")");
        }
        if (opcode == WIDE) {
            return (code[codeStart + offset + 1] & 0xff) == IINC ? 6 : 4;
        }
        int operands = codeStart + offset + 1 + switchPadding(offset);
        if (opcode == TABLESWITCH) {
            int low = ClassFile.s4(code, operands + 4);
            int high = ClassFile.s4(code, operands + 8);
            return 1 + switchPadding(offset) + 12 + 4 * (high - low + 1);
        }
        return 1 + switchPadding(offset) + 8 + 8 * ClassFile.s4(code, operands + 4);
    }

    /** Bytes between a switch's opcode and its operands, which start at a multiple of four. */
    static int switchPadding(int offset) {
        return 3 - (offset & 3);
    }

    /** {@code if<cond>}, {@code goto}, {@code jsr} and the null tests: a two-byte offset after the opcode. */
    static boolean isShortBranch(int opcode) {
        return (opcode >= 0x99 && opcode <= 0xa8) || opcode == IFNULL || opcode == IFNONNULL;
    }

    static boolean isLongBranch(int opcode) {
        return opcode == GOTO_W || opcode == JSR_W;
    }
}
