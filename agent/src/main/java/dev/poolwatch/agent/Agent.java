package dev.poolwatch.agent;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.poolwatch.agent.bootstrap.InternalErrors;
import dev.poolwatch.agent.bootstrap.JvmExit;
import dev.poolwatch.agent.bootstrap.LibraryPackages;
import dev.poolwatch.agent.bootstrap.PoolEvents;
import dev.poolwatch.agent.bootstrap.PoolRegistry;
import dev.poolwatch.agent.instrument.PoolTransformer;
import dev.poolwatch.agent.jfr.FlightRecorderEvents;
import dev.poolwatch.agent.library.LibraryKind;
import dev.poolwatch.agent.library.LibraryKinds;
import dev.poolwatch.agent.live.InstalledAgent;
import dev.poolwatch.agent.live.JmxRegistration;
import dev.poolwatch.agent.report.SiteFilter;

/**
 * Installs the agent once per JVM: registry, transformer, exit report, self-check. Startup errors
 * are printed and rethrown (the user must know the check is not running); nothing after startup
 * ever throws into the program.
 */
final class Agent {

    private static final String SHUTDOWN = "java.lang.Shutdown";

    private static volatile InstalledAgent installed;

    private Agent() {
    }

    /** The agent installed in this JVM by this class loader, or {@code null} before. */
    static InstalledAgent installed() {
        return installed;
    }

    /**
     * @param atStartup whether the agent starts with the JVM ({@code premain}) rather than being
     *     attached later
     */
    static void install(AgentOptions options, List<LibraryKind> kinds, Instrumentation instrumentation, boolean atStartup,
            Console console) {
        PoolRegistry registry = PoolEvents.install(SharedCleaner.get(), options.stackDepth());
        if (registry == null) {
            console.println("poolwatch: already installed in this JVM; ignoring the second copy"
                    + (options.toString().isEmpty() ? "" : " (options " + options + ")"));
            return;
        }

        InstalledAgent agent = new InstalledAgent(options, registry, atStartup, System.currentTimeMillis(), version());
        installed = agent;
        ExitReport exitReport = new ExitReport(options, registry, version(), console);
        ShutdownSlot.register(exitReport.atExit(), console);
        JvmExit.onExitDuringShutdown(exitReport.onExitDuringShutdown());
        if (atStartup && options.failOnLeak()) {
            MainThreadOutcome.watch(Thread.currentThread());
        }
        if (atStartup) {
            ExitWatch.start(Thread.currentThread(), registry, options, console);
        }
        registry.onFirstSubmitAfterShutdown(new SubmitWarning(options, console));
        SiteFilter reported = new SiteFilter(options.includes(), options.excludes());
        registry.reportOnly(reported);
        registry.countLibraryHeldPoolsAsLeaks(options.lifetimePoolsAreLeaks());
        FlightRecorderEvents.install(registry, reported, version());

        // Read before the transformer is added: loading the list of targets once it is in place would
        // run the transformer on the list's own class, which then loads it a second time.
        Set<String> targets = PoolTransformer.targetClassNames();
        PoolTransformer transformer = new PoolTransformer();
        LibraryKinds libraries = new LibraryKinds(kinds);
        LibraryPackages.set(libraries.packages());
        transformer.watchLibraries(libraries);
        instrumentation.addTransformer(transformer, false);
        Set<String> loadedBeforeUs = new HashSet<>(targets);
        loadedBeforeUs.addAll(libraries.classNames());
        if (options.jmx()) {
            PoolEvents.onPlatformMBeanServer(new JmxRegistration(agent));
        }
        boolean jmxInUse = retransformLoadedTargets(instrumentation, transformer, loadedBeforeUs);
        if (jmxInUse && options.jmx()) {
            JmxRegistration.joinNow();
        }
        String selfCheckFailure = selfCheck(registry, transformer);
        if (selfCheckFailure != null) {
            console.println(selfCheckFailure);
            exitReport.couldNotCheck("the agent does not see pools being created");
        }
    }

    /**
     * Weaves the targets that were loaded before the agent: always {@code java.lang.Shutdown}, and
     * any pool class, the JDK's or a library's, that an earlier agent or an attach found loaded.
     *
     * <p>Classes that load later are woven by a transformer that cannot retransform, whose work the
     * JVM keeps when another agent retransforms the class. Retransforming needs one that can, and
     * while one is registered the JVM keeps a copy of every class loaded (about 10 ms of a small
     * program's start-up). So it is removed again when all it wove was {@code Shutdown}, which no
     * other agent retransforms; it stays when it wove a pool class, which the agent that loaded
     * that class first may well retransform again.
     *
     * @return whether {@code ManagementFactory} was loaded already: JMX is in use
     */
    private static boolean retransformLoadedTargets(Instrumentation instrumentation, PoolTransformer transformer,
            Set<String> targets) {
        PoolTransformer retransformer = transformer.forRetransformation();
        instrumentation.addTransformer(retransformer, true);
        boolean poolClassRetransformed = false;
        boolean jmxInUse = false;
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (targets.contains(loaded.getName()) && instrumentation.isModifiableClass(loaded)) {
                jmxInUse |= loaded.getName().equals(JmxRegistration.MANAGEMENT_FACTORY);
                try {
                    instrumentation.retransformClasses(loaded);
                    poolClassRetransformed |= !loaded.getName().equals(SHUTDOWN);
                } catch (UnmodifiableClassException | RuntimeException | LinkageError failure) {
                    InternalErrors.record(failure);
                }
            }
        }
        if (!poolClassRetransformed) {
            instrumentation.removeTransformer(retransformer);
        }
        return jmxInUse;
    }

    /**
     * Proves the instrumentation sees a pool being created.
     *
     * @return {@code null} if it does, else what is wrong and how to fix it
     */
    private static String selfCheck(PoolRegistry registry, PoolTransformer transformer) {
        boolean seen = registry.runAsAgent(new ProbePool());
        if (seen) {
            return null;
        }
        String cause = InternalErrors.first();
        return "poolwatch: ERROR: the agent is loaded but does not see pools being created, so it cannot"
                + " report leaks. Hooked methods: " + transformer.hooked()
                + (cause == null ? "" : "; first internal error: " + cause)
                + ". Fix: load poolwatch-agent.jar as given (its manifest must keep Can-Retransform-Classes: true),"
                + " and put -javaagent:poolwatch-agent.jar before other agents that transform java.util.concurrent.";
    }

    /**
     * Creates and shuts down a pool that starts no thread. It brings its own thread factory: the
     * JDK's default one would take a pool number, and the program's pools would be named
     * {@code pool-2-...} instead of {@code pool-1-...}. Its queue is the one the {@code Executors}
     * factories use, whose classes the program most likely loads anyway.
     */
    private static final class ProbePool implements Runnable, ThreadFactory {
        @Override
        public void run() {
            new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), this).shutdown();
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
