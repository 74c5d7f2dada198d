package dev.poolwatch.agent.instrument;

import java.util.Arrays;

/** A growable buffer of big-endian class file bytes, which can also patch what it already holds. */
final class ByteOutput {

    private byte[] bytes;
    private int length;

    ByteOutput(int expectedLength) {
        bytes = new byte[Math.max(16, expectedLength)];
    }

    int length() {
        return length;
    }

    ByteOutput u1(int value) {
        ensureRoom(1);
        bytes[length++] = (byte) value;
        return this;
    }

    /** An unsigned two-byte value; one that does not fit is a weaving error, never a silent wrap. */
    ByteOutput u2(int value) {
        checkU2(value);
        ensureRoom(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    ByteOutput u4(int value) {
        ensureRoom(4);
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    ByteOutput bytes(byte[] source, int offset, int count) {
        ensureRoom(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
        return this;
    }

    ByteOutput bytes(byte[] source) {
        return bytes(source, 0, source.length);
    }

    ByteOutput bytes(ByteOutput source) {
        return bytes(source.bytes, 0, source.length);
    }

    /** Overwrites two bytes already written with a signed value, as a branch offset is stored. */
    void putS2(int at, int value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new IllegalStateException("a branch offset of " + value + " does not fit in two bytes");
        }
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }

    void putU2(int at, int value) {
        checkU2(value);
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }

    void putS4(int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private static void checkU2(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalStateException(value + " does not fit in an unsigned two-byte class file field");
        }
    }

    private void ensureRoom(int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
    }
}
