package dev.poolwatch.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

import dev.poolwatch.agent.library.LibraryKind;
import dev.poolwatch.agent.library.LibraryKinds;

/**
 * Weaves a library-like pool class (constructors that chain, branch and return early, close methods
 * that are overloaded, static, or of another name) as the transformer weaves a kind's class, and
 * checks each call against the kind's data, with ASM's verifier and with the JVM running the result.
 */
class LibraryPoolWeaverTest {

    private static final LibraryKind KIND = new LibraryKind("fixture", FixturePool.class.getName(),
            List.of("stop", "close"), "dev.poolwatch.agent.instrument.", "busyCount");

    /** A pool class as libraries write them. */
    public static class FixturePool {
        private final int size;

        public FixturePool() {
            this(1);
        }

        public FixturePool(int size) {
            if (size < 0) {
                this.size = 0;
                return;
            }
            this.size = size;
        }

        public int stop() {
            return size;
        }

        public void stop(long timeoutMillis) {
            if (timeoutMillis < 0) {
                throw new IllegalArgumentException("negative timeout");
            }
        }

        public void close() {
            stop(0);
        }

        public static void stop(Object other) {
            other.hashCode();
        }

        public int busyCount() {
            return 0;
        }
    }

    private static byte[] original() throws IOException {
        String path = FixturePool.class.getName().replace('.', '/') + ".class";
        try (InputStream in = ClassLoader.getSystemResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private static PoolTransformer transformer() {
        PoolTransformer transformer = new PoolTransformer();
        transformer.watchLibraries(new LibraryKinds(List.of(KIND)));
        return transformer;
    }

    private static byte[] woven(PoolTransformer transformer) throws IOException {
        byte[] woven = transformer.transform(null, FixturePool.class.getName().replace('.', '/'), null, null, original());
        assertNotNull(woven, "the kind's class was not woven");
        return woven;
    }

    private static MethodNode method(ClassNode node, String name, String descriptor) {
        return node.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(descriptor)).findFirst().orElseThrow();
    }

    private static List<MethodInsnNode> eventCalls(MethodNode method) {
        List<MethodInsnNode> calls = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && call.owner.equals(PoolWeaver.EVENTS)) {
                calls.add(call);
            }
        }
        return calls;
    }

    /** The string constants pushed just before {@code call}, in order. */
    private static List<Object> constantsBefore(MethodInsnNode call, int count) {
        List<Object> constants = new ArrayList<>();
        AbstractInsnNode insn = call.getPrevious();
        for (int i = 0; i < count; i++, insn = insn.getPrevious()) {
            constants.add(0, ((LdcInsnNode) insn).cst);
        }
        return constants;
    }

    @Test
    void the_woven_class_passes_the_bytecode_verifier() throws IOException {
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(woven(transformer())), ClassLoader.getSystemClassLoader(), false,
                new PrintWriter(problems));
        assertEquals("", problems.toString());
    }

    @Test
    void every_return_of_every_constructor_reports_the_pool_with_the_kinds_data() throws IOException {
        ClassNode node = new ClassNode();
        new ClassReader(woven(transformer())).accept(node, 0);
        for (MethodNode constructor : node.methods) {
            if (!constructor.name.equals("<init>")) {
                continue;
            }
            int returns = 0;
            for (AbstractInsnNode insn : constructor.instructions) {
                if (insn.getOpcode() == Opcodes.RETURN) {
                    returns++;
                    MethodInsnNode call = (MethodInsnNode) insn.getPrevious();
                    assertEquals("libraryPoolCreated", call.name, constructor.desc);
                    assertEquals(List.of("fixture", "stop", "busyCount"), constantsBefore(call, 3), constructor.desc);
                }
            }
            assertTrue(returns > 0, constructor.desc);
            assertEquals(returns, eventCalls(constructor).size(), "one call per return in " + constructor.desc);
        }
    }

    @Test
    void each_close_method_the_class_declares_reports_its_own_name_at_entry_and_static_ones_are_left() throws IOException {
        ClassNode node = new ClassNode();
        new ClassReader(woven(transformer())).accept(node, 0);
        for (String[] closer : new String[][] {{"stop", "()I"}, {"stop", "(J)V"}, {"close", "()V"}}) {
            MethodNode method = method(node, closer[0], closer[1]);
            List<MethodInsnNode> calls = eventCalls(method);
            assertEquals(1, calls.size(), closer[0] + closer[1]);
            assertEquals("shutdown", calls.get(0).name);
            assertEquals(List.of(closer[0]), constantsBefore(calls.get(0), 1));
        }
        assertEquals(List.of(), eventCalls(method(node, "stop", "(Ljava/lang/Object;)V")));
        assertEquals(List.of(), eventCalls(method(node, "busyCount", "()I")));
    }

    @Test
    void the_transformer_records_the_methods_it_hooked() throws IOException {
        PoolTransformer transformer = transformer();
        woven(transformer);
        Set<String> hooked = new TreeSet<>(transformer.hooked().get(FixturePool.class.getName()));
        assertEquals(Set.of("<init>()V", "<init>(I)V", "stop()I", "stop(J)V", "close()V"), hooked);
    }

    @Test
    void a_class_woven_already_is_not_woven_again() throws IOException {
        PoolTransformer transformer = transformer();
        byte[] once = woven(transformer);
        assertNull(transformer.transform(null, FixturePool.class.getName().replace('.', '/'), null, null, once));
    }

    @Test
    void the_jvm_loads_and_runs_the_woven_class() throws Exception {
        byte[] woven = woven(transformer());
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(FixturePool.class.getName())) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : defineClass(name, woven, 0, woven.length);
                }
            }
        };
        Class<?> pool = loader.loadClass(FixturePool.class.getName());
        assertTrue(pool != FixturePool.class);
        Object negative = pool.getConstructor(int.class).newInstance(-1);
        assertEquals(0, pool.getMethod("stop").invoke(negative));
        Object chained = pool.getConstructor().newInstance();
        assertEquals(1, pool.getMethod("stop").invoke(chained));
        pool.getMethod("close").invoke(chained);
    }
}
