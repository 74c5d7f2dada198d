package dev.poolwatch.agent.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one description of what a pool is to the agent: which classes, which of their methods create,
 * shut down and reject, by exact name. Subclasses and the {@code Executors} factories are covered
 * because they all run these constructors and methods.
 */
public final class PoolTargets {

    /** One method to hook: {@code descriptor} {@code null} matches every overload. */
    record MethodHook(String name, String descriptor, Hook hook, boolean optional) {

        boolean matches(String methodName, String methodDescriptor) {
            return name.equals(methodName) && (descriptor == null || descriptor.equals(methodDescriptor));
        }
    }

    /** A pool class and its hooks. */
    record Target(String internalName, List<MethodHook> hooks, String excludedConstructor) {

        /** Whether some hook is for a method of this name. */
        boolean hooksMethodNamed(String methodName) {
            for (int i = 0; i < hooks.size(); i++) {
                if (hooks.get(i).name().equals(methodName)) {
                    return true;
                }
            }
            return false;
        }

        /** The hook for a method, or {@code null}. */
        Hook hookFor(String methodName, String descriptor) {
            if (methodName.equals("<init>") && descriptor.equals(excludedConstructor)) {
                return null;
            }
            for (MethodHook hook : hooks) {
                if (hook.matches(methodName, descriptor)) {
                    return hook.hook();
                }
            }
            return null;
        }

        String className() {
            return internalName.replace('/', '.');
        }
    }

    private static final MethodHook CONSTRUCTORS = new MethodHook("<init>", null, Hook.CREATED, false);
    private static final MethodHook SHUTDOWN = new MethodHook("shutdown", "()V", Hook.SHUTDOWN, false);
    private static final MethodHook SHUTDOWN_NOW =
            new MethodHook("shutdownNow", "()Ljava/util/List;", Hook.SHUTDOWN, false);
    /** {@code close()} exists on JDK 19+ only for the JDK's pools. */
    private static final MethodHook CLOSE_SINCE_19 = new MethodHook("close", "()V", Hook.SHUTDOWN, true);

    /** Hooks that see a rejection thrown out of any overload of the named submitting methods. */
    private static List<MethodHook> rejectionsThrownBy(String... methodNames) {
        List<MethodHook> hooks = new ArrayList<>();
        for (String name : methodNames) {
            hooks.add(new MethodHook(name, null, Hook.REJECTED_THROWING, true));
        }
        return hooks;
    }

    private static List<MethodHook> concat(List<MethodHook> first, List<MethodHook> second) {
        List<MethodHook> both = new ArrayList<>(first);
        both.addAll(second);
        return List.copyOf(both);
    }

    static final List<Target> ALL = List.of(
            new Target("java/util/concurrent/ThreadPoolExecutor", List.of(CONSTRUCTORS, SHUTDOWN, SHUTDOWN_NOW,
                    new MethodHook("reject", "(Ljava/lang/Runnable;)V", Hook.REJECTED, false),
                    new MethodHook("addWorker", "(Ljava/lang/Runnable;Z)Z", Hook.STARTING_WORKER, true)), null),
            // The common pool is built by the private (byte) constructor: never watched.
            new Target("java/util/concurrent/ForkJoinPool", concat(List.of(CONSTRUCTORS, SHUTDOWN, SHUTDOWN_NOW, CLOSE_SINCE_19,
                    new MethodHook("createWorker", "()Z", Hook.STARTING_WORKER, true)),
                    rejectionsThrownBy("execute", "submit", "invoke", "invokeAll", "invokeAny", "lazySubmit", "schedule",
                            "scheduleAtFixedRate", "scheduleWithFixedDelay", "submitWithTimeout")), "(B)V"),
            // JDK 21+: Executors.newVirtualThreadPerTaskExecutor() and newThreadPerTaskExecutor(factory).
            new Target("java/util/concurrent/ThreadPerTaskExecutor", concat(List.of(CONSTRUCTORS, SHUTDOWN, SHUTDOWN_NOW,
                    CLOSE_SINCE_19, new MethodHook("newThread", "(Ljava/lang/Runnable;)Ljava/lang/Thread;",
                            Hook.STARTING_WORKER, true)), rejectionsThrownBy("execute", "submit", "invokeAll", "invokeAny")),
                    null),
            new Target("dev/poolwatch/pool/ThreadPool", concat(List.of(CONSTRUCTORS, SHUTDOWN, SHUTDOWN_NOW,
                    new MethodHook("terminate", "()V", Hook.SHUTDOWN, false),
                    new MethodHook("close", "()V", Hook.SHUTDOWN, false)),
                    rejectionsThrownBy("apply", "applyAsync", "map", "mapAsync", "imap", "imapUnordered", "execute",
                            "submit", "invokeAll", "invokeAny")), null),
            // Not a pool: the door every exit with a status goes through, for failOnLeak and for
            // exits that start while shutdown hooks run.
            new Target("java/lang/Shutdown", List.of(new MethodHook("exit", "(I)V", Hook.EXITING, false)), null),
            // Not a pool either: the one way to the platform MBean server, which the agent's MBean joins
            // once something else has created it.
            new Target("java/lang/management/ManagementFactory", List.of(new MethodHook("getPlatformMBeanServer",
                    "()Ljavax/management/MBeanServer;", Hook.PLATFORM_MBEAN_SERVER, false)), null));

    private static final Map<String, Target> BY_INTERNAL_NAME = byInternalName();

    private PoolTargets() {
    }

    // Loops rather than streams here and in the rest of the start-up path: the first lambda or
    // stream a JVM runs costs milliseconds of bootstrapping, which every program would pay.
    private static Map<String, Target> byInternalName() {
        Map<String, Target> targets = new HashMap<>();
        for (Target target : ALL) {
            targets.put(target.internalName(), target);
        }
        return Map.copyOf(targets);
    }

    /** The target with this internal name ({@code java/util/concurrent/ThreadPoolExecutor}), or {@code null}. */
    static Target forInternalName(String internalName) {
        return BY_INTERNAL_NAME.get(internalName);
    }

    /** Binary names of every target class, for finding those already loaded. */
    static Set<String> classNames() {
        Set<String> names = new HashSet<>();
        for (Target target : ALL) {
            names.add(target.className());
        }
        return Set.copyOf(names);
    }
}
