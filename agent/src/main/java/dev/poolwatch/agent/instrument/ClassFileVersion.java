package dev.poolwatch.agent.instrument;

/**
 * Class files of a JDK newer than the bundled ASM, which refuses to read a version it does not
 * know. Such a class is read as if it had the newest version ASM knows and written back with its
 * own: the hooks need nothing a newer version adds, and whatever ASM cannot parse in it fails the
 * weave, which then leaves the class as it was and counts the error.
 */
final class ClassFileVersion {

    /**
     * The newest class file version the bundled ASM reads: 72, Java 28 (its {@code Opcodes.V28}). A
     * number rather than ASM's constant, whose class javac would name in this class file although
     * the code never loads it, out of reach of the relocation. A test keeps the two in step.
     */
    static final int NEWEST_READABLE = 72;

    private static final int MINOR_AT = 4;
    private static final int MAJOR_AT = 6;

    private ClassFileVersion() {
    }

    /** The class file itself if ASM reads it, otherwise a copy that claims the newest version ASM knows. */
    static byte[] readableByAsm(byte[] classFile) {
        if (classFile.length < MAJOR_AT + 2) {
            return classFile; // too short to be a class file: ASM says so
        }
        int major = u2(classFile, MAJOR_AT);
        // ASM reads a preview class file (minor 0xffff) of any version but its newest.
        if (major < NEWEST_READABLE || (major == NEWEST_READABLE && u2(classFile, MINOR_AT) == 0)) {
            return classFile;
        }
        byte[] lowered = classFile.clone();
        putU2(lowered, MINOR_AT, 0);
        putU2(lowered, MAJOR_AT, NEWEST_READABLE);
        return lowered;
    }

    /** The woven class file, given back the version of the original. */
    static byte[] restored(byte[] woven, byte[] original) {
        System.arraycopy(original, MINOR_AT, woven, MINOR_AT, 4);
        return woven;
    }

    private static int u2(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }

    private static void putU2(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }
}
