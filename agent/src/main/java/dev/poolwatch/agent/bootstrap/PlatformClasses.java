package dev.poolwatch.agent.bootstrap;

/**
 * The one definition of a platform class, for every rule that needs one: a class the JDK defined,
 * by the boot or the platform class loader, or a reflection accessor the JDK generated (JDK 17
 * defines those in a class loader of their own). Told by class loader, never by package name: a
 * library may be called {@code javax.} or {@code com.sun.} anything and is still the program's.
 */
final class PlatformClasses {

    private static final ClassLoader PLATFORM_LOADER = ClassLoader.getPlatformClassLoader();
    private static final String REFLECTION_ACCESSOR_LOADER = "jdk.internal.reflect.DelegatingClassLoader";
    private static final String[] CALL_PLUMBING_PACKAGES = {"java.lang.invoke.", "java.lang.reflect.", "jdk.internal.reflect."};

    private PlatformClasses() {
    }

    static boolean isPlatform(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == PLATFORM_LOADER) {
            return true;
        }
        Class<?> loaderType = loader.getClass();
        return loaderType.getClassLoader() == null && loaderType.getName().equals(REFLECTION_ACCESSOR_LOADER);
    }

    /** Whether a platform class only carries a call from one frame to another: reflection and method handles. */
    static boolean isCallPlumbing(Class<?> type) {
        if (!isPlatform(type)) {
            return false;
        }
        String name = type.getName();
        for (String prefix : CALL_PLUMBING_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
