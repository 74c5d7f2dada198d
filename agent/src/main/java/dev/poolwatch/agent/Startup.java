package dev.poolwatch.agent;

import java.lang.instrument.Instrumentation;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import dev.poolwatch.agent.library.KindsFile;
import dev.poolwatch.agent.library.LibraryKind;

/**
 * Starts the agent inside its own class loader: parse the options, leave a build tool's JVM alone,
 * make the runtime visible to the JDK, hand over to {@link Agent}.
 *
 * <p>A bad option stops a JVM being launched with one line naming it: a typo in CI must never
 * silently turn the check off. Anything else that fails is said in one line and the program runs
 * unchecked; with {@code failOnLeak=true} it then fails at exit, since nothing was checked.
 */
abstract class Startup implements BiConsumer<String, Instrumentation> {

    private final boolean atLaunch;

    private Startup(boolean atLaunch) {
        this.atLaunch = atLaunch;
    }

    /** {@code premain}: the agent starts with the JVM. */
    public static final class AtLaunch extends Startup {
        public AtLaunch() {
            super(true);
        }
    }

    /** {@code agentmain}: the agent is attached to a running JVM; a failure fails the attach. */
    public static final class OnAttach extends Startup {
        public OnAttach() {
            super(false);
        }
    }

    @Override
    public void accept(String arguments, Instrumentation instrumentation) {
        Console console = Console.stderr();
        AgentOptions options;
        List<LibraryKind> kinds;
        try {
            options = AgentOptions.parse(arguments);
            kinds = watchedKinds(options);
        } catch (IllegalArgumentException badOption) {
            if (!atLaunch) {
                throw badOption;
            }
            console.println("poolwatch: " + badOption.getMessage() + " (in -javaagent:...=" + arguments + ")");
            Runtime.getRuntime().halt(1);
            return;
        }
        String buildTool = BuildToolJvm.toolOf(System.getProperty("sun.java.command"));
        if (buildTool != null && !options.checkBuildTool()) {
            if (!options.quiet()) {
                console.println("poolwatch: not checking " + buildTool + "'s own JVM, only the JVMs it starts"
                        + " (checkBuildTool=true checks it too)");
            }
            return;
        }
        try {
            BootstrapClasses.define(instrumentation);
            Agent.install(options, kinds, instrumentation, atLaunch, console);
        } catch (RuntimeException | LinkageError failure) {
            if (!atLaunch) {
                throw failure;
            }
            console.println("poolwatch: ERROR: the agent could not start, so this JVM runs unchecked: " + failure);
            if (options.failOnLeak()) {
                FailAtExit.because(console, "the agent could not start (" + failure + ")");
            }
        }
    }

    /** The built-in library kinds and those of the {@code kinds} file; a bad file is a bad option. */
    private static List<LibraryKind> watchedKinds(AgentOptions options) {
        List<LibraryKind> kinds = new ArrayList<>(LibraryKind.builtIn());
        if (!options.kindsFile().isEmpty()) {
            kinds.addAll(KindsFile.read(Paths.get(options.kindsFile())));
        }
        return kinds;
    }
}
