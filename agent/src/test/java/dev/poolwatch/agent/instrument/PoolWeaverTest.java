package dev.poolwatch.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.util.CheckClassAdapter;

import dev.poolwatch.agent.bootstrap.InternalErrors;

/**
 * Weaves the real class files of the JDK running the test (17 and 25 in the build) and of
 * {@code ThreadPool}, and checks the result with ASM's verifier: what the JVM would load.
 */
class PoolWeaverTest {

    static Stream<PoolTargets.Target> targets() {
        return PoolTargets.ALL.stream();
    }

    private static byte[] classFile(String internalName) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static byte[] woven(PoolTargets.Target target, PoolTransformer transformer) throws IOException {
        byte[] original = classFile(target.internalName());
        assumeTrue(original != null, target.className() + " is not in this JDK");
        byte[] woven = transformer.transform(null, target.internalName(), null, null, original);
        assertNotNull(woven, "not woven: " + target.className());
        return woven;
    }

    @ParameterizedTest
    @MethodSource("targets")
    void woven_classes_pass_the_bytecode_verifier(PoolTargets.Target target) throws IOException {
        byte[] woven = woven(target, new PoolTransformer());
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(woven), ClassLoader.getSystemClassLoader(), false, new PrintWriter(problems));
        assertEquals("", problems.toString(), target.className());
    }

    @ParameterizedTest
    @MethodSource("targets")
    void every_required_hook_finds_its_method_and_calls_pool_events(PoolTargets.Target target) throws IOException {
        PoolTransformer transformer = new PoolTransformer();
        ClassNode node = new ClassNode();
        new ClassReader(woven(target, transformer)).accept(node, 0);
        List<String> hooked = transformer.hooked().get(target.className());

        for (PoolTargets.MethodHook hook : target.hooks()) {
            boolean found = hooked.stream().anyMatch(method -> method.startsWith(hook.name() + "(")
                    && (hook.descriptor() == null || method.equals(hook.name() + hook.descriptor())));
            assertTrue(found || hook.optional(), target.className() + " has no " + hook.name() + ": hooked " + hooked);
        }
        for (MethodNode method : node.methods) {
            boolean callsEvents = callsPoolEvents(method);
            assertEquals(hooked.contains(method.name + method.desc), callsEvents, target.className() + "." + method.name
                    + method.desc);
        }
    }

    /**
     * The worker-start hooks are optional in the list, since a later JDK may rename the private
     * methods; on the JDKs the build runs they must all be found, or a pool that leaked would be
     * taken for one that never started a thread.
     */
    @ParameterizedTest
    @MethodSource("targets")
    void every_jdk_pool_that_starts_threads_has_its_worker_start_hooked(PoolTargets.Target target) throws IOException {
        List<String> expected = target.hooks().stream().filter(hook -> hook.hook() == Hook.STARTING_WORKER)
                .map(hook -> hook.name() + hook.descriptor()).toList();
        assumeTrue(!expected.isEmpty(), target.className() + " starts its threads in its constructor or is no pool");
        PoolTransformer transformer = new PoolTransformer();
        woven(target, transformer);
        assertTrue(transformer.hooked().get(target.className()).containsAll(expected),
                target.className() + ": " + transformer.hooked().get(target.className()));
    }

    private static boolean callsPoolEvents(MethodNode method) {
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction instanceof MethodInsnNode call && call.owner.equals(PoolWeaver.EVENTS)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("targets")
    void each_shutdown_call_names_the_method_it_is_woven_into(PoolTargets.Target target) throws IOException {
        ClassNode node = new ClassNode();
        new ClassReader(woven(target, new PoolTransformer())).accept(node, 0);
        int calls = 0;
        for (MethodNode method : node.methods) {
            for (AbstractInsnNode instruction : method.instructions) {
                if (instruction instanceof MethodInsnNode call && call.owner.equals(PoolWeaver.EVENTS)
                        && call.name.equals("shutdown")) {
                    assertEquals(method.name, ((LdcInsnNode) call.getPrevious()).cst, target.className() + "." + method.name);
                    calls++;
                }
            }
        }
        assertEquals(target.hooks().stream().filter(hook -> hook.hook() == Hook.SHUTDOWN).count() > 0, calls > 0,
                target.className());
    }

    @Test
    void the_common_pools_constructor_is_never_woven() throws IOException {
        PoolTransformer transformer = new PoolTransformer();
        woven(PoolTargets.forInternalName("java/util/concurrent/ForkJoinPool"), transformer);
        List<String> hooked = transformer.hooked().get("java.util.concurrent.ForkJoinPool");
        assertFalse(hooked.contains("<init>(B)V"), hooked.toString());
        assertTrue(hooked.stream().anyMatch(method -> method.startsWith("<init>(")), hooked.toString());
    }

    @Test
    void the_rejection_handler_comes_after_the_methods_own_handlers() throws IOException {
        PoolTransformer transformer = new PoolTransformer();
        ClassNode node = new ClassNode();
        new ClassReader(woven(PoolTargets.forInternalName("dev/poolwatch/pool/ThreadPool"), transformer)).accept(node, 0);
        List<String> wrapped = new ArrayList<>();
        for (MethodNode method : node.methods) {
            List<TryCatchBlockNode> handlers = method.tryCatchBlocks;
            if (!handlers.isEmpty()
                    && "java/util/concurrent/RejectedExecutionException".equals(handlers.get(handlers.size() - 1).type)
                    && callsPoolEvents(method)) {
                wrapped.add(method.name);
            }
        }
        assertTrue(wrapped.containsAll(List.of("apply", "applyAsync", "map", "mapAsync", "imap", "imapUnordered",
                "execute", "submit", "invokeAll", "invokeAny")), wrapped.toString());
    }

    @ParameterizedTest
    @MethodSource("targets")
    void a_class_woven_already_is_not_woven_again(PoolTargets.Target target) throws IOException {
        PoolTransformer transformer = new PoolTransformer();
        byte[] woven = woven(target, transformer);
        List<String> hooked = transformer.hooked().get(target.className());

        PoolTransformer retransformer = transformer.forRetransformation();
        assertNull(retransformer.transform(null, target.internalName(), null, null, woven));
        assertEquals(hooked, retransformer.hooked().get(target.className()), "what the first weave hooked stays recorded");
    }

    @Test
    void a_class_that_is_not_a_pool_is_left_alone() throws IOException {
        PoolTransformer transformer = new PoolTransformer();
        assertNull(transformer.transform(null, "java/lang/String", null, null, classFile("java/lang/String")));
        assertNull(transformer.transform(null, null, null, null, new byte[0]));
        assertTrue(transformer.hooked().isEmpty());
    }

    @Test
    void a_class_file_that_cannot_be_woven_is_left_as_it_was() {
        PoolTransformer transformer = new PoolTransformer();
        assertNull(transformer.transform(null, "java/util/concurrent/ThreadPoolExecutor", null, null, new byte[] {1, 2, 3}));
    }

    @Test
    void a_class_whose_woven_method_would_pass_the_jvms_64_kib_of_code_is_left_as_it_was() {
        byte[] nearlyFull = constructorWithReturns("dev/poolwatch/pool/ThreadPool", 10_000);
        long errors = InternalErrors.count();

        assertNull(new PoolTransformer().transform(null, "dev/poolwatch/pool/ThreadPool", null, null, nearlyFull));
        assertEquals(errors + 1, InternalErrors.count(), "counted, and reported at exit");
        assertNotNull(new PoolTransformer().transform(null, "dev/poolwatch/pool/ThreadPool", null, null,
                constructorWithReturns("dev/poolwatch/pool/ThreadPool", 5_000)), "a call before each of fewer returns fits");
    }

    /**
     * A class whose constructor {@code (I)V} returns at any of {@code returns} places, five bytes of
     * code each: the woven call before each return adds four.
     */
    private static byte[] constructorWithReturns(String internalName, int returns) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(I)V", null, null);
        constructor.visitCode();
        constructor.visitVarInsn(Opcodes.ALOAD, 0);
        constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        for (int i = 0; i < returns; i++) {
            Label next = new Label();
            constructor.visitVarInsn(Opcodes.ILOAD, 1);
            constructor.visitJumpInsn(Opcodes.IFEQ, next);
            constructor.visitInsn(Opcodes.RETURN);
            constructor.visitLabel(next);
        }
        constructor.visitInsn(Opcodes.RETURN);
        constructor.visitMaxs(0, 0);
        constructor.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
