package dev.poolwatch.agent;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.poolwatch.agent.bootstrap.InternalErrors;
import dev.poolwatch.agent.bootstrap.JvmExit;
import dev.poolwatch.agent.bootstrap.PoolEvents;
import dev.poolwatch.agent.bootstrap.PoolRegistry;
import dev.poolwatch.agent.instrument.PoolTransformer;

/**
 * Installs the agent once per JVM: registry, transformer, exit report, self-check. Startup errors
 * are printed and rethrown (the user must know the check is not running); nothing after startup
 * ever throws into the program.
 */
final class Agent {

    private Agent() {
    }

    /**
     * @param transformer the transformer to install
     * @param startup the thread that finishes start-up beside the program's own, when the agent
     *     starts with the JVM; {@code null} when it is attached later
     */
    static void install(AgentOptions options, Instrumentation instrumentation, PoolTransformer transformer,
            StartupThread startup) {
        PoolRegistry registry = PoolEvents.install(SharedCleaner.get());
        if (registry == null) {
            System.err.println("poolwatch: already installed in this JVM; ignoring the second copy"
                    + (options.toString().isEmpty() ? "" : " (options " + options + ")"));
            if (startup != null) {
                startup.endAfterWarmUp();
            }
            return;
        }

        ExitReport exitReport = new ExitReport(options, registry, version());
        ShutdownSlot.register(exitReport.atExit());
        JvmExit.onExitDuringShutdown(exitReport.whenExitBlocksForever());
        if (startup != null && options.failOnLeak()) {
            MainThreadOutcome.watch(Thread.currentThread());
        }
        registry.onFirstSubmitAfterShutdown(new SubmitWarning(options));

        instrumentation.addTransformer(transformer, true);
        List<Class<?>> loadedTargets = loadedTargets(instrumentation);
        Class<?> shutdown = null;
        for (Class<?> target : loadedTargets) {
            if (target.getName().equals(JAVA_LANG_SHUTDOWN)) {
                shutdown = target;
            } else {
                retransform(instrumentation, target); // pools may be created as soon as premain returns
            }
        }
        FinishStartup finish = new FinishStartup(instrumentation, shutdown, registry, transformer);
        if (startup != null && !options.failOnLeak()) {
            // What remains serves only rare exits and the self-check: do it beside the program's
            // own start-up instead of before it. failOnLeak needs every exit status from the start.
            startup.then(finish);
        } else {
            finish.run();
            if (startup != null) {
                startup.endAfterWarmUp();
            }
        }
    }

    private static final String JAVA_LANG_SHUTDOWN = "java.lang.Shutdown";

    /** Weaves {@code java.lang.Shutdown}, then runs the self-check. */
    private static final class FinishStartup implements Runnable {
        private final Instrumentation instrumentation;
        private final Class<?> shutdown;
        private final PoolRegistry registry;
        private final PoolTransformer transformer;

        FinishStartup(Instrumentation instrumentation, Class<?> shutdown, PoolRegistry registry,
                PoolTransformer transformer) {
            this.instrumentation = instrumentation;
            this.shutdown = shutdown;
            this.registry = registry;
            this.transformer = transformer;
        }

        @Override
        public void run() {
            if (shutdown != null) {
                retransform(instrumentation, shutdown);
            }
            selfCheck(registry, transformer);
        }
    }

    private static List<Class<?>> loadedTargets(Instrumentation instrumentation) {
        Set<String> targets = PoolTransformer.targetClassNames();
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (targets.contains(type.getName()) && instrumentation.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        return loaded;
    }

    private static void retransform(Instrumentation instrumentation, Class<?> loaded) {
        try {
            instrumentation.retransformClasses(loaded);
        } catch (UnmodifiableClassException | RuntimeException | LinkageError failure) {
            InternalErrors.record(failure);
        }
    }

    /** Proves the instrumentation sees a pool being created; says what is wrong and how to fix it if not. */
    private static void selfCheck(PoolRegistry registry, PoolTransformer transformer) {
        boolean seen = registry.runAsAgent(new ProbePool());
        if (seen) {
            return;
        }
        Throwable cause = InternalErrors.first();
        System.err.println("poolwatch: ERROR: the agent is loaded but does not see pools being created, so it cannot"
                + " report leaks. Hooked methods: " + transformer.hooked()
                + (cause == null ? "" : "; first internal error: " + cause)
                + ". Fix: load poolwatch-agent.jar as given (its manifest must keep Can-Retransform-Classes: true),"
                + " and put -javaagent:poolwatch-agent.jar before other agents that transform java.util.concurrent.");
    }

    /**
     * Creates and shuts down a pool that starts no thread. It brings its own thread factory: the
     * JDK's default one would take a pool number, and the program's pools would be named
     * {@code pool-2-...} instead of {@code pool-1-...}.
     */
    private static final class ProbePool implements Runnable, ThreadFactory {
        @Override
        public void run() {
            new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new SynchronousQueue<>(), this).shutdown();
        }

        @Override
        public Thread newThread(Runnable task) {
            throw new UnsupportedOperationException("the probe pool never starts a thread");
        }
    }

    private static String version() {
        String version = Agent.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
