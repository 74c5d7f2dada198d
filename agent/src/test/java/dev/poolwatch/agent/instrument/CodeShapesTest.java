package dev.poolwatch.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;

/**
 * Weaves {@link CodeShapes} with every kind of hook, and checks the result three ways: taking the
 * calls out gives back the original, the JVM's own verifier accepts it, and every method still
 * returns what it returned before.
 */
class CodeShapesTest {

    private static final String NAME = CodeShapes.class.getName();

    private static final PoolTargets.Target EVERY_HOOK = new PoolTargets.Target(NAME.replace('.', '/'), List.of(
            new PoolTargets.MethodHook("<init>", null, Hook.CREATED, false),
            new PoolTargets.MethodHook("shutdown", null, Hook.SHUTDOWN, false),
            new PoolTargets.MethodHook("shutdownNow", null, Hook.SHUTDOWN, false),
            new PoolTargets.MethodHook("close", null, Hook.SHUTDOWN, false),
            new PoolTargets.MethodHook("terminate", null, Hook.SHUTDOWN, false),
            new PoolTargets.MethodHook("reject", null, Hook.REJECTED, false),
            new PoolTargets.MethodHook("submit", null, Hook.REJECTED_THROWING, false),
            new PoolTargets.MethodHook("execute", null, Hook.REJECTED_THROWING, false),
            new PoolTargets.MethodHook("clear", null, Hook.CREATED, false),
            new PoolTargets.MethodHook("exit", null, Hook.EXITING, false)), null);

    private static byte[] original() throws IOException {
        try (InputStream in = CodeShapes.class.getResourceAsStream("CodeShapes.class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void every_hooked_shape_is_the_original_code_plus_the_calls() throws IOException {
        WovenCodeTest.assertOriginalPlusCalls(original(), EVERY_HOOK);
    }

    @Test
    void every_method_is_hooked() throws IOException {
        List<String> hooked = new ArrayList<>();
        PoolWeaver.weave(original(), EVERY_HOOK, hooked);
        assertEquals(List.of("<init>(I)V", "<init>(Ljava/lang/String;)V", "shutdown(I)I", "shutdownNow(Z)Ljava/lang/Object;",
                "close(I)Ljava/lang/String;", "terminate(I)I", "reject(I)I", "submit(Ljava/lang/String;)Ljava/lang/String;",
                "execute(Ljava/lang/Runnable;)Ljava/lang/String;", "clear()V", "exit(I)V"), hooked);
    }

    @Test
    void woven_shapes_pass_the_jvms_verifier_and_return_what_they_returned() throws Exception {
        Class<?> woven = new WovenLoader(PoolWeaver.weave(original(), EVERY_HOOK, new ArrayList<>())).woven();

        for (int kind : new int[] {-1, 0, 2, 50, 500}) {
            assertEquals(new CodeShapes(kind).built, built(woven.getDeclaredConstructor(int.class).newInstance(kind)));
        }
        for (String kind : new String[] {"zero", "one", "three"}) {
            assertEquals(new CodeShapes(kind).built, built(woven.getDeclaredConstructor(String.class).newInstance(kind)));
        }
        CodeShapes plain = new CodeShapes(0);
        Object shapes = woven.getDeclaredConstructor(int.class).newInstance(0);
        for (int countdown : new int[] {0, 1, 5}) {
            assertEquals(plain.shutdown(countdown), call(shapes, "shutdown", int.class, countdown));
        }
        assertEquals(plain.shutdownNow(true).toString(), call(shapes, "shutdownNow", boolean.class, true).toString());
        assertEquals(plain.shutdownNow(false).toString(), call(shapes, "shutdownNow", boolean.class, false).toString());
        for (int code : new int[] {1, 2, 3, 4, 5, 10, 1000, 100000, -7}) {
            assertEquals(plain.close(code), call(shapes, "close", int.class, code));
        }
        for (int value : new int[] {0, 100}) {
            assertEquals(plain.terminate(value), call(shapes, "terminate", int.class, value));
            assertEquals(plain.reject(value), call(shapes, "reject", int.class, value));
        }
        assertEquals("x", call(shapes, "submit", String.class, " x "));
        assertEquals("ran", call(shapes, "execute", Runnable.class, (Runnable) () -> { }));
        assertEquals("failed: stop", call(shapes, "execute", Runnable.class, (Runnable) () -> {
            throw new IllegalStateException("stop");
        }));
        InvocationTargetException rejected = assertThrows(InvocationTargetException.class,
                () -> call(shapes, "execute", Runnable.class, null));
        assertInstanceOf(RejectedExecutionException.class, rejected.getCause(), "rethrown by the woven handler");

        woven.getDeclaredMethod("clear").invoke(shapes);
        woven.getDeclaredMethod("exit", int.class).invoke(null, 7);
        assertEquals(7, woven.getDeclaredField("lastExitStatus").getInt(null));
        assertTrue(woven.getClassLoader() instanceof WovenLoader);
    }

    private static Object built(Object shapes) throws ReflectiveOperationException {
        return shapes.getClass().getDeclaredField("built").get(shapes);
    }

    private static Object call(Object shapes, String method, Class<?> parameter, Object argument)
            throws ReflectiveOperationException {
        Method declared = shapes.getClass().getDeclaredMethod(method, parameter);
        return declared.invoke(shapes, argument);
    }

    /** Defines the woven class itself, so the JVM verifies it; everything else comes from the test's loader. */
    private static final class WovenLoader extends ClassLoader {
        private final byte[] classFile;

        WovenLoader(byte[] classFile) {
            super(CodeShapesTest.class.getClassLoader());
            this.classFile = classFile;
        }

        Class<?> woven() throws ClassNotFoundException {
            return Class.forName(NAME, true, this);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(NAME)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, classFile, 0, classFile.length);
            }
        }
    }
}
