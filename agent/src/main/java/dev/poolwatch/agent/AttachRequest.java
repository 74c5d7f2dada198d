package dev.poolwatch.agent;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What {@code java -jar poolwatch-agent.jar <pid> ...} asks of the agent it loads into a running JVM,
 * sent as the agent's argument string: attach (install the agent with its options, if it is not
 * installed yet) or only report, and the file the agent writes its live report to, which the command
 * prints. Lines, because neither a path nor the options hold one; an argument string that is not a
 * request is the options alone, as from {@code jcmd <pid> JVMTI.agent_load} or a program's own
 * {@code loadAgent}.
 */
final class AttachRequest {

    private static final String MARKER = "poolwatch-attach-request";

    /** Install the agent and report, or report only: an agent not installed says so. */
    enum Mode {
        ATTACH, REPORT
    }

    private final Mode mode;
    private final Path replyFile;
    private final String options;

    AttachRequest(Mode mode, Path replyFile, String options) {
        this.mode = mode;
        this.replyFile = replyFile;
        this.options = options;
    }

    /** The request in {@code arguments}, or {@code null} if they are options alone. */
    static AttachRequest decode(String arguments) {
        if (arguments == null || !arguments.startsWith(MARKER + '\n')) {
            return null;
        }
        String[] lines = arguments.split("\n", 4);
        if (lines.length != 4) {
            throw new IllegalArgumentException("a malformed attach request: " + arguments.replace('\n', ' '));
        }
        return new AttachRequest(Mode.valueOf(lines[1]), Paths.get(lines[2]), lines[3]);
    }

    String encode() {
        return MARKER + '\n' + mode + '\n' + replyFile + '\n' + options;
    }

    Mode mode() {
        return mode;
    }

    Path replyFile() {
        return replyFile;
    }

    /** The agent's options, as after {@code -javaagent:poolwatch-agent.jar=}; empty for the defaults. */
    String options() {
        return options;
    }
}
