package dev.poolwatch.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

/**
 * {@code java -jar poolwatch-agent.jar}: with no argument, how to use the agent and the local JVMs it
 * can be attached to; with a process id, attaches it to that JVM (the Attach API) and prints the
 * JVM's live report; with a process id and {@code report}, prints the live report of a JVM the agent
 * already watches.
 *
 * <p>This runs in a JVM of its own, the attaching one: none of the agent runs here. The target JVM
 * writes its report to a file this command made, and this command prints it.
 */
public final class CommandLine {

    static final String REPORT = "report";
    private static final int FAILED = 1;
    private static final int BAD_USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    private CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = new CommandLine(System.out, System.err).run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    private int run(String[] args) {
        if (args.length == 0) {
            out.print(Help.text());
            listJvms();
            return 0;
        }
        if (List.of("help", "-h", "--help").contains(args[0])) {
            out.print(Help.text());
            return 0;
        }
        if (!args[0].matches("[0-9]+") || args.length > 2) {
            err.println("poolwatch: expected a process id, then options or report, not: " + String.join(" ", args)
                    + "\n" + Help.usage());
            return BAD_USAGE;
        }
        String second = args.length == 2 ? args[1] : "";
        AttachRequest.Mode mode = second.equals(REPORT) ? AttachRequest.Mode.REPORT : AttachRequest.Mode.ATTACH;
        return attach(args[0], mode, mode == AttachRequest.Mode.REPORT ? "" : second);
    }

    private void listJvms() {
        String self = String.valueOf(ProcessHandle.current().pid());
        StringBuilder list = new StringBuilder();
        for (VirtualMachineDescriptor jvm : VirtualMachine.list()) {
            if (!jvm.id().equals(self)) {
                list.append("  ").append(jvm.id()).append("  ")
                        .append(jvm.displayName().isEmpty() ? "(no main class or jar given)" : jvm.displayName()).append('\n');
            }
        }
        out.print(list.length() == 0
                ? "\nNo other JVM of this user runs here (a JVM started with -XX:-UsePerfData is not listed, though it can be attached to).\n"
                : "\nJVMs of this user it can be attached to:\n" + list);
    }

    private int attach(String pid, AttachRequest.Mode mode, String options) {
        Path reply = null;
        VirtualMachine jvm = null;
        try {
            reply = Files.createTempFile("poolwatch-live-report", ".txt");
            jvm = VirtualMachine.attach(pid);
            Properties properties = jvm.getSystemProperties();
            jvm.loadAgent(agentJar().toString(), new AttachRequest(mode, reply, options).encode());
            out.print(Files.readString(reply, StandardCharsets.UTF_8));
            if (mode == AttachRequest.Mode.ATTACH && warnsOfDynamicAgents(properties)) {
                err.println("poolwatch: JVM " + pid + " runs Java " + properties.getProperty("java.specification.version")
                        + ", which prints a warning when an agent is attached while it runs, unless it was started with"
                        + " -XX:+EnableDynamicAgentLoading");
            }
            return 0;
        } catch (AttachNotSupportedException failure) {
            err.println("poolwatch: cannot attach to process " + pid + ": " + failure.getMessage()
                    + ". It must be a running JVM of this user, not started with -XX:+DisableAttachMechanism;"
                    + " java -jar poolwatch-agent.jar lists those it can attach to.");
        } catch (AgentLoadException failure) {
            err.println("poolwatch: JVM " + pid + " refused the agent: " + failure.getMessage()
                    + "\npoolwatch: from Java 21 on, a JVM started with -XX:-EnableDynamicAgentLoading refuses agents"
                    + " loaded while it runs. Start it with -XX:+EnableDynamicAgentLoading to allow them, or give it the"
                    + " agent from the start: -javaagent:" + agentJar());
        } catch (AgentInitializationException failure) {
            err.print(replyOrNothing(reply));
            err.println("poolwatch: the agent did not start in JVM " + pid + " (" + failure.getMessage() + ")");
        } catch (IOException failure) {
            err.println("poolwatch: attaching to process " + pid + " failed: " + failure);
        } finally {
            detach(jvm);
            deleteQuietly(reply);
        }
        return FAILED;
    }

    /** From Java 21 on, a JVM warns of an agent loaded while it runs, unless started allowing it. */
    private static boolean warnsOfDynamicAgents(Properties properties) {
        String version = properties.getProperty("java.specification.version", "");
        return version.matches("[0-9]+") && Integer.parseInt(version) >= 21;
    }

    private static Path agentJar() {
        try {
            return Paths.get(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException("the agent jar's own location is not a path", impossible);
        }
    }

    private static String replyOrNothing(Path reply) {
        try {
            return reply == null ? "" : Files.readString(reply, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static void detach(VirtualMachine jvm) {
        if (jvm != null) {
            try {
                jvm.detach();
            } catch (IOException alreadyGone) {
                // the target exited: nothing to detach from
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException leftBehind) {
                // a temp file the system cleans up
            }
        }
    }
}
