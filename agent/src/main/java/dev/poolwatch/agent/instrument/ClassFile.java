package dev.poolwatch.agent.instrument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where things are in a class file: each constant, the methods and their {@code Code} attributes.
 * Read once, in one pass, so that the weaver can copy everything it does not change as it is.
 */
final class ClassFile {

    private static final int MAGIC = 0xCAFEBABE;
    private static final int UTF8 = 1;
    private static final int CLASS = 7;

    /** A method: where it lies in the file, what it is called, and where its code is. */
    static final class Method {
        final int start;
        final int end;
        final int access;
        final int nameIndex;
        final int descriptorIndex;
        /** Offset of the {@code Code} attribute (its name index), or -1 for an abstract or native method. */
        final int codeAttribute;
        final int codeAttributeEnd;

        Method(int start, int end, int access, int nameIndex, int descriptorIndex, int codeAttribute,
                int codeAttributeEnd) {
            this.start = start;
            this.end = end;
            this.access = access;
            this.nameIndex = nameIndex;
            this.descriptorIndex = descriptorIndex;
            this.codeAttribute = codeAttribute;
            this.codeAttributeEnd = codeAttributeEnd;
        }

        boolean isStatic() {
            return (access & 0x0008) != 0;
        }
    }

    final byte[] bytes;
    final int majorVersion;
    final int constantPoolCount;
    /** Offset of the first byte after the constant pool. */
    final int constantPoolEnd;
    final int thisClass;
    /** Offset of {@code methods_count}. */
    final int methodsCountOffset;
    final List<Method> methods;
    /** Offset of the first byte after the last method: the class's own attributes. */
    final int methodsEnd;
    private final int[] constantOffsets;

    ClassFile(byte[] bytes) {
        this.bytes = bytes;
        if (bytes.length < 10 || s4(bytes, 0) != MAGIC) {
            throw new IllegalArgumentException("not a class file: it does not start with 0xCAFEBABE");
        }
        majorVersion = u2(bytes, 6);
        constantPoolCount = u2(bytes, 8);
        constantOffsets = new int[constantPoolCount];
        int at = 10;
        for (int index = 1; index < constantPoolCount; index++) {
            constantOffsets[index] = at;
            int tag = bytes[at] & 0xff;
            at += constantLength(tag, at);
            if (tag == 5 || tag == 6) { // a long or a double takes two slots
                index++;
            }
        }
        constantPoolEnd = at;
        thisClass = u2(bytes, at + 2);
        at += 6;
        at += 2 + 2 * u2(bytes, at); // interfaces
        int fields = u2(bytes, at);
        at += 2;
        for (int field = 0; field < fields; field++) {
            at = skipAttributes(at + 6);
        }
        methodsCountOffset = at;
        int count = u2(bytes, at);
        at += 2;
        methods = new ArrayList<>(count);
        for (int method = 0; method < count; method++) {
            at = readMethod(at);
        }
        methodsEnd = at;
    }

    private int constantLength(int tag, int at) {
        switch (tag) {
            case UTF8:
                return 3 + u2(bytes, at + 1);
            case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                return 3;
            case 15: // MethodHandle
                return 4;
            case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                return 5;
            case 5: case 6:
                return 9;
            default:
                throw new IllegalArgumentException("unknown constant pool tag " + tag + " at byte " + at);
        }
    }

    private int skipAttributes(int countAt) {
        int at = countAt + 2;
        for (int attribute = u2(bytes, countAt); attribute > 0; attribute--) {
            at += 6 + s4(bytes, at + 2);
        }
        return at;
    }

    private int readMethod(int start) {
        int nameIndex = u2(bytes, start + 2);
        int codeAttribute = -1;
        int codeAttributeEnd = -1;
        int at = start + 8;
        for (int attribute = u2(bytes, start + 6); attribute > 0; attribute--) {
            int end = at + 6 + s4(bytes, at + 2);
            if (utf8Is(u2(bytes, at), "Code")) {
                codeAttribute = at;
                codeAttributeEnd = end;
            }
            at = end;
        }
        methods.add(new Method(start, at, u2(bytes, start), nameIndex, u2(bytes, start + 4), codeAttribute,
                codeAttributeEnd));
        return at;
    }

    /** Whether the constant pool names this class ({@code a/b/C}), which every class that uses it does. */
    boolean namesClass(String internalName) {
        for (int index = 1; index < constantPoolCount; index++) {
            int at = constantOffsets[index];
            if (at != 0 && bytes[at] == CLASS && utf8Is(u2(bytes, at + 1), internalName)) {
                return true;
            }
        }
        return false;
    }

    /** The text of a {@code CONSTANT_Utf8}, decoded from the JVM's modified UTF-8. */
    String utf8(int index) {
        int at = utf8Offset(index);
        int end = at + 2 + u2(bytes, at);
        if (isAscii(at + 2, end)) { // nearly always, and then the bytes are the text
            return new String(bytes, at + 2, end - at - 2, StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(end - at);
        for (int i = at + 2; i < end; ) {
            int first = bytes[i++] & 0xff;
            if (first < 0x80) {
                text.append((char) first);
            } else if (first < 0xe0) {
                text.append((char) (((first & 0x1f) << 6) | (bytes[i++] & 0x3f)));
            } else {
                text.append((char) (((first & 0x0f) << 12) | ((bytes[i++] & 0x3f) << 6) | (bytes[i++] & 0x3f)));
            }
        }
        return text.toString();
    }

    private boolean isAscii(int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a {@code CONSTANT_Utf8} holds exactly this ASCII text, without decoding it. */
    boolean utf8Is(int index, String ascii) {
        int at = utf8Offset(index);
        if (u2(bytes, at) != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[at + 2 + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Offset of the length of a {@code CONSTANT_Utf8}. */
    private int utf8Offset(int index) {
        if (index <= 0 || index >= constantPoolCount || bytes[constantOffsets[index]] != UTF8) {
            throw new IllegalArgumentException("constant " + index + " is not a CONSTANT_Utf8");
        }
        return constantOffsets[index] + 1;
    }

    static int u1(byte[] bytes, int at) {
        return bytes[at] & 0xff;
    }

    static int u2(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }

    static int s2(byte[] bytes, int at) {
        return (short) u2(bytes, at);
    }

    static int s4(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }
}
