package dev.poolwatch.it.programs;

import java.lang.reflect.Field;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * A class-path program that tries what only the agent may do: call {@code jdk.internal.access} and
 * reflect into {@code java.util.concurrent}. Prints what it was allowed.
 */
public final class ReflectsIntoJavaBase {

    private ReflectsIntoJavaBase() {
    }

    public static void main(String[] args) {
        try {
            Class.forName("jdk.internal.access.SharedSecrets").getMethod("getJavaLangAccess").invoke(null);
            System.out.println("jdk.internal.access: exported");
        } catch (ReflectiveOperationException | RuntimeException refused) {
            System.out.println("jdk.internal.access: " + refused.getClass().getSimpleName());
        }
        try {
            Field workers = ThreadPoolExecutor.class.getDeclaredField("workers");
            workers.setAccessible(true);
            System.out.println("java.util.concurrent: open");
        } catch (ReflectiveOperationException | RuntimeException refused) {
            System.out.println("java.util.concurrent: " + refused.getClass().getSimpleName());
        }
    }
}
