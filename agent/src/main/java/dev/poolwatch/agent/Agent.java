package dev.poolwatch.agent;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.poolwatch.agent.bootstrap.InternalErrors;
import dev.poolwatch.agent.bootstrap.JvmExit;
import dev.poolwatch.agent.bootstrap.PoolEvents;
import dev.poolwatch.agent.bootstrap.PoolRegistry;
import dev.poolwatch.agent.instrument.PoolTransformer;
import dev.poolwatch.agent.report.Frames;
import dev.poolwatch.agent.report.PoolInspector;
import dev.poolwatch.agent.report.ReportBuilder;
import dev.poolwatch.agent.report.SiteFilter;

/**
 * Installs the agent once per JVM: registry, transformer, exit report, self-check. Startup errors
 * are printed and rethrown (the user must know the check is not running); nothing after startup
 * ever throws into the program.
 */
final class Agent {

    private Agent() {
    }

    static void install(AgentOptions options, Instrumentation instrumentation, boolean atStartup) {
        PoolRegistry registry = PoolEvents.install(SharedCleaner.get());
        if (registry == null) {
            System.err.println("poolwatch: already installed in this JVM; ignoring the second copy"
                    + (options.toString().isEmpty() ? "" : " (options " + options + ")"));
            return;
        }
        openJdkInternals(instrumentation);

        SiteFilter filter = new SiteFilter(options.includes(), options.excludes());
        ExitReport exitReport = new ExitReport(options, registry,
                new ReportBuilder(options.stackDepth(), filter, new PoolInspector(), version()));
        ShutdownSlot.register(exitReport::run);
        JvmExit.onExitDuringShutdown(exitReport::runBecauseExitBlocksForever);
        if (atStartup && options.failOnLeak()) {
            MainThreadOutcome.watch(Thread.currentThread());
        }
        registry.onFirstSubmitAfterShutdown(new SubmitWarning(new Frames(options.stackDepth()), filter)::print);

        PoolTransformer transformer = new PoolTransformer();
        instrumentation.addTransformer(transformer, true);
        retransformLoadedTargets(instrumentation);
        selfCheck(registry, transformer);
    }

    /**
     * Opens {@code java.util.concurrent} to the agent, and nobody else, to list a pool's worker
     * threads. ({@code jdk.internal.access} was exported to it by {@link BootstrapClasses}.)
     */
    private static void openJdkInternals(Instrumentation instrumentation) {
        instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                Map.of("java.util.concurrent", Set.of(Agent.class.getModule())), Set.of(), Map.of());
    }

    private static void retransformLoadedTargets(Instrumentation instrumentation) {
        List<String> targets = PoolTransformer.targetClassNames();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (targets.contains(loaded.getName()) && instrumentation.isModifiableClass(loaded)) {
                try {
                    instrumentation.retransformClasses(loaded);
                } catch (UnmodifiableClassException | RuntimeException | LinkageError failure) {
                    InternalErrors.record(failure);
                }
            }
        }
    }

    /** Proves the instrumentation sees a pool being created; says what is wrong and how to fix it if not. */
    private static void selfCheck(PoolRegistry registry, PoolTransformer transformer) {
        boolean seen = registry.runAsAgent(() -> new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new SynchronousQueue<>())
                .shutdown());
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

    private static String version() {
        String version = Agent.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
