package dev.poolwatch.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import dev.poolwatch.agent.library.KindsFile;
import dev.poolwatch.agent.library.LibraryKind;
import dev.poolwatch.agent.live.InstalledAgent;
import dev.poolwatch.agent.live.LiveReport;

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

    /**
     * {@code agentmain}: the agent is attached to a running JVM; a failure fails the attach. Asked by
     * {@code java -jar poolwatch-agent.jar <pid>} ({@link AttachRequest}), it also writes the live
     * report to the file the command prints.
     */
    public static final class OnAttach extends Startup {
        public OnAttach() {
            super(false);
        }

        @Override
        public void accept(String arguments, Instrumentation instrumentation) {
            AttachRequest request = AttachRequest.decode(arguments);
            if (request == null) {
                super.accept(arguments, instrumentation);
                return;
            }
            String reply;
            try {
                reply = answer(request, instrumentation);
            } catch (RuntimeException | LinkageError failure) {
                writeReply(request, "poolwatch: could not attach: " + failure.getMessage() + "\n");
                throw failure;
            }
            writeReply(request, reply);
        }

        private String answer(AttachRequest request, Instrumentation instrumentation) {
            InstalledAgent before = Agent.installed();
            if (before == null && request.mode() == AttachRequest.Mode.REPORT) {
                return "poolwatch: not attached to this JVM, so it has no report; attach it first:"
                        + " java -jar poolwatch-agent.jar " + ProcessHandle.current().pid() + "\n";
            }
            if (before == null) {
                super.accept(request.options(), instrumentation);
                InstalledAgent installed = Agent.installed();
                if (installed == null) {
                    return "poolwatch: did not install in this JVM (its standard error says why)\n";
                }
                Console.stderr().println("poolwatch: attached; watching the pools created from now on"
                        + (request.options().isEmpty() ? "" : " (options " + request.options() + ")"));
                return LiveReport.of(installed);
            }
            String ignored = request.options().isEmpty() ? ""
                    : "poolwatch: already watching this JVM, with the options it was given then; these are ignored: "
                            + request.options() + "\n";
            return ignored + LiveReport.of(before);
        }

        private static void writeReply(AttachRequest request, String reply) {
            try {
                Files.writeString(request.replyFile(), reply, StandardCharsets.UTF_8);
            } catch (IOException failure) {
                Console.stderr().println("poolwatch: could not write the live report to " + request.replyFile() + ": " + failure);
            }
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
