package dev.poolwatch.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import dev.poolwatch.agent.bootstrap.InternalErrors;

/**
 * Class files of a JDK newer than the bundled ASM reads: the pool classes of such a JDK are still
 * woven, written back with their own version, and a class with anything in a hooked method's code
 * that ASM cannot vouch for is left as it was, the error counted, the program untouched.
 */
class NewerClassFilesTest {

    private static final String EXECUTOR = "java/util/concurrent/ThreadPoolExecutor";
    private static final int NEWER_THAN_ASM_READS = ClassFileVersion.NEWEST_READABLE + 1;

    private static byte[] threadPoolExecutor() throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(EXECUTOR + ".class")) {
            return in.readAllBytes();
        }
    }

    private static byte[] withVersion(byte[] classFile, int major, int minor) {
        byte[] changed = classFile.clone();
        changed[4] = (byte) (minor >>> 8);
        changed[5] = (byte) minor;
        changed[6] = (byte) (major >>> 8);
        changed[7] = (byte) major;
        return changed;
    }

    @Test
    void the_newest_version_read_is_the_newest_the_bundled_asm_reads() throws IOException {
        byte[] classFile = threadPoolExecutor();
        new ClassReader(withVersion(classFile, ClassFileVersion.NEWEST_READABLE, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClassReader(withVersion(classFile, NEWER_THAN_ASM_READS, 0)));
    }

    @Test
    void a_class_file_asm_reads_is_read_as_it_is() throws IOException {
        byte[] classFile = threadPoolExecutor();
        assertSame(classFile, ClassFileVersion.readableByAsm(classFile));
        byte[] preview = withVersion(classFile, ClassFileVersion.NEWEST_READABLE - 1, 0xffff);
        assertSame(preview, ClassFileVersion.readableByAsm(preview));
    }

    @Test
    void a_class_file_newer_than_asm_reads_is_woven_as_its_own_version_would_be_and_keeps_that_version()
            throws IOException {
        byte[] original = threadPoolExecutor();
        PoolTransformer asKnown = new PoolTransformer();
        byte[] wovenAsKnown = asKnown.transform(null, EXECUTOR, null, null, original);
        for (byte[] newer : List.of(withVersion(original, NEWER_THAN_ASM_READS, 0),
                withVersion(original, NEWER_THAN_ASM_READS + 10, 0xffff),
                withVersion(original, ClassFileVersion.NEWEST_READABLE, 0xffff))) {
            PoolTransformer transformer = new PoolTransformer();
            byte[] woven = transformer.transform(null, EXECUTOR, null, null, newer);
            assertNotNull(woven);
            assertArrayEquals(Arrays.copyOfRange(newer, 4, 8), Arrays.copyOfRange(woven, 4, 8), "the version it came with");
            assertArrayEquals(wovenAsKnown, withVersion(woven, original[7] & 0xff, 0),
                    "the same bytes as the class woven with the version it has on this JDK");
            assertEquals(asKnown.hooked(), transformer.hooked());
        }
    }

    @Test
    void a_newer_class_file_whose_hooked_code_has_an_attribute_asm_does_not_know_is_left_as_it_was()
            throws IOException {
        byte[] newer = withVersion(withUnknownCodeAttribute(threadPoolExecutor(), "shutdown"), NEWER_THAN_ASM_READS, 0);
        long errors = InternalErrors.count();

        assertNull(new PoolTransformer().transform(null, EXECUTOR, null, null, newer));
        assertEquals(errors + 1, InternalErrors.count(), "counted, and reported at exit");
    }

    @Test
    void an_attribute_asm_does_not_know_in_code_that_is_not_hooked_is_copied_as_it_is() throws IOException {
        byte[] newer = withVersion(withUnknownCodeAttribute(threadPoolExecutor(), "toString"), NEWER_THAN_ASM_READS, 0);
        assertNotNull(new PoolTransformer().transform(null, EXECUTOR, null, null, newer));
    }

    /** The class with a {@code FutureTable} attribute, unknown to ASM, in the code of the named methods. */
    private static byte[] withUnknownCodeAttribute(byte[] classFile, String methodName) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                return !name.equals(methodName) ? method : new MethodVisitor(Opcodes.ASM9, method) {
                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        super.visitAttribute(new FutureCodeAttribute());
                        super.visitMaxs(maxStack, maxLocals);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    /** An attribute of a method's code that no ASM knows, two bytes long. */
    private static final class FutureCodeAttribute extends Attribute {
        FutureCodeAttribute() {
            super("FutureTable");
        }

        @Override
        public boolean isCodeAttribute() {
            return true;
        }

        @Override
        protected ByteVector write(ClassWriter classWriter, byte[] code, int codeLength, int maxStack, int maxLocals) {
            return new ByteVector().putShort(codeLength);
        }
    }
}
