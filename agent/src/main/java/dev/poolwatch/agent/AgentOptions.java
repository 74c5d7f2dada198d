package dev.poolwatch.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The agent's options, parsed from {@code -javaagent:poolwatch-agent.jar=key=value,key=value}.
 *
 * <p>{@link Key} is the one list of options: it drives parsing, validation, the defaults,
 * {@link #toString()} (which round-trips into a {@code -javaagent} argument) and the option table
 * of the README. An unknown key, a repeated key or a bad value is an {@link IllegalArgumentException}
 * whose message names the option, the value and what is allowed, so a typo in a CI script fails the
 * run instead of silently turning the check off.
 */
public final class AgentOptions {

    /** Every option the agent accepts. */
    public enum Key {
        /**
         * Path of a JSON report written at exit, atomically. {@code %p} in it stands for the process
         * id, so one path serves many JVMs; {@code %%} for a {@code %}. No default: no JSON is written.
         */
        REPORT("report", "", "a file path, where %p stands for the process id and %% for %",
                "also write the report as JSON there, atomically"),
        /** {@code true}: print nothing when no leak was found. Default {@code false}. */
        QUIET("quiet", "false", "true or false", "print nothing when nothing leaked"),
        /** Report only pools whose creation site's first application frame is in a matching class. */
        INCLUDES("includes", "*", "class name patterns separated by ':', '*' matching any characters",
                "report only what was created or submitted from a matching class"),
        /** Never report pools whose creation site's first application frame is in a matching class. */
        EXCLUDES("excludes", "", "class name patterns separated by ':', '*' matching any characters",
                "never report what was created or submitted from a matching class"),
        /** Frames printed after the first application frame of each stack. Default 5. */
        STACK_DEPTH("stackDepth", "5", "an integer from 0 to " + AgentOptions.MAX_STACK_DEPTH,
                "frames printed after the first application frame"),
        /** {@code true}: a program that would exit with status 0 exits with 3 when leaks were found. */
        FAIL_ON_LEAK("failOnLeak", "false", "true or false",
                "exit with status 3 instead of 0 when anything was found or could not be checked"),
        /**
         * Pools a library creates in a static initializer and holds for the life of the process (a class
         * loaded from a library's jar, not from the program's classes or the jar it was started from):
         * {@code apart}, the default, lists them apart from the leaks, not counted and not failing
         * {@code failOnLeak}; {@code leaks} reports them as leaks, as any other pool never shut down.
         */
        LIFETIME_POOLS("lifetimePools", "apart", "apart or leaks",
                "list pools a library holds for the life of the process apart from the leaks, or report them as leaks"),
        /**
         * {@code true}: check a build tool's own JVM too (Maven, Gradle's daemon and launcher), which
         * {@code JAVA_TOOL_OPTIONS} hands the agent as well as the test JVMs it starts. Default
         * {@code false}: such a JVM is left alone, with one line saying so.
         */
        CHECK_BUILD_TOOL("checkBuildTool", "false", "true or false", "check a build tool's own JVM too"),
        /**
         * How often the agent checks, once {@code main} has returned, whether the threads of pools never
         * shut down alone keep the JVM alive (a server stopped, its pools' threads still there), and if so
         * says which; {@code off} never.
         */
        EXIT_WATCH("exitWatch", "5s", "a duration in ms or s (500ms, 5s), or off",
                "once main has returned, check this often whether pools' threads alone keep the JVM alive"),
        /** {@code exit}: exit with status 3 after saying which pools keep the JVM alive. */
        ON_HANG("onHang", "report", "report or exit", "exit: then exit with status 3, so that CI fails fast"),
        /** A file of pool kinds the agent watches besides the built-in ones (see {@code KindsFile}). */
        KINDS("kinds", "", "a file path, one kind per line: <name> <class> <close methods> [<prefix of its own frames>]",
                "also watch the pools of these classes"),
        /**
         * {@code false}: no MBean. Default {@code true}: the MBean {@code dev.poolwatch:type=PoolWatch}
         * joins the platform MBean server once something creates that server (JConsole attaching, a
         * JMX exporter); the agent never creates it.
         */
        JMX("jmx", "true", "true or false", "register the MBean dev.poolwatch:type=PoolWatch once JMX runs");

        private final String optionName;
        private final String defaultValue;
        private final String allowed;
        private final String meaning;

        Key(String optionName, String defaultValue, String allowed, String meaning) {
            this.optionName = optionName;
            this.defaultValue = defaultValue;
            this.allowed = allowed;
            this.meaning = meaning;
        }

        /** The name users write, e.g. {@code stackDepth}. */
        public String optionName() {
            return optionName;
        }

        public String defaultValue() {
            return defaultValue;
        }

        /** What values are allowed, in words. */
        public String allowed() {
            return allowed;
        }

        /** What the option does, in a few words. */
        public String meaning() {
            return meaning;
        }
    }

    /** The deepest stack an option may ask for. */
    public static final int MAX_STACK_DEPTH = 1000;

    /** The exit status {@code failOnLeak=true} turns a successful exit into. */
    public static final int LEAK_EXIT_STATUS = 3;

    private final Map<Key, String> values;

    private AgentOptions(Map<Key, String> values) {
        this.values = values;
        validate();
    }

    /**
     * Parses the text after {@code =} in {@code -javaagent:poolwatch-agent.jar=...}.
     *
     * @param text the options, {@code null} or empty for all defaults
     * @return the parsed options
     * @throws IllegalArgumentException naming the option at fault and what is allowed
     */
    public static AgentOptions parse(String text) {
        Map<Key, String> values = new EnumMap<>(Key.class);
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("option '" + pair + "' is not of the form key=value; valid keys: "
                            + validKeys());
                }
                Key key = keyNamed(pair.substring(0, eq));
                if (values.put(key, pair.substring(eq + 1)) != null) {
                    throw new IllegalArgumentException("option " + key.optionName + " is given twice");
                }
            }
        }
        return new AgentOptions(values);
    }

    private static Key keyNamed(String name) {
        for (Key key : Key.values()) {
            if (key.optionName.equals(name)) {
                return key;
            }
        }
        throw new IllegalArgumentException("unknown option '" + name + "'; valid keys: " + validKeys());
    }

    private static String validKeys() {
        StringJoiner names = new StringJoiner(", ");
        for (Key key : Key.values()) {
            names.add(key.optionName);
        }
        return names.toString();
    }

    private void validate() {
        quiet();
        failOnLeak();
        checkBuildTool();
        jmx();
        stackDepth();
        includes();
        excludes();
        exitWatchMillis();
        exitOnHang();
        lifetimePoolsAreLeaks();
        if (values.containsKey(Key.REPORT)) {
            reportPathFor(0);
        }
    }

    private String raw(Key key) {
        return values.getOrDefault(key, key.defaultValue);
    }

    private boolean bool(Key key) {
        String value = raw(key).toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw invalid(key, raw(key));
    }

    private List<String> patterns(Key key) {
        String value = raw(key);
        if (value.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> patterns = new ArrayList<>(Arrays.asList(value.split(":", -1)));
        if (patterns.contains("")) {
            throw invalid(key, value);
        }
        return Collections.unmodifiableList(patterns);
    }

    private static IllegalArgumentException invalid(Key key, String value) {
        return new IllegalArgumentException("option " + key.optionName + "=" + value + " is not valid: expected "
                + key.allowed);
    }

    /** The JSON report's path as given, placeholders and all, or {@code null} when none was asked for. */
    public String reportPath() {
        return values.get(Key.REPORT);
    }

    /** Whether the report's path names the process, so that it has to be read to write the report. */
    public boolean reportPathNamesProcess() {
        String path = reportPath();
        return path != null && path.replace("%%", "").contains("%p");
    }

    /**
     * The JSON report's path for process {@code pid}: {@code %p} replaced by it, {@code %%} by
     * {@code %}; {@code null} when no report was asked for.
     *
     * @throws IllegalArgumentException for a blank path or any other {@code %} sequence
     */
    public String reportPathFor(long pid) {
        String path = reportPath();
        if (path == null) {
            return null;
        }
        if (path.isBlank()) {
            throw invalid(Key.REPORT, path);
        }
        StringBuilder resolved = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                resolved.append(c);
                continue;
            }
            char placeholder = i + 1 < path.length() ? path.charAt(++i) : ' ';
            if (placeholder == 'p') {
                resolved.append(pid);
            } else if (placeholder == '%') {
                resolved.append('%');
            } else {
                throw invalid(Key.REPORT, path);
            }
        }
        return resolved.toString();
    }

    public boolean quiet() {
        return bool(Key.QUIET);
    }

    public boolean failOnLeak() {
        return bool(Key.FAIL_ON_LEAK);
    }

    /** How often to check, once main has returned, what keeps the JVM alive, in milliseconds; -1 for off. */
    public long exitWatchMillis() {
        String value = raw(Key.EXIT_WATCH).trim();
        if (value.equals("off")) {
            return -1;
        }
        try {
            long millis;
            if (value.endsWith("ms")) {
                millis = Long.parseLong(value.substring(0, value.length() - 2));
            } else if (value.endsWith("s")) {
                millis = Math.multiplyExact(Long.parseLong(value.substring(0, value.length() - 1)), 1000L);
            } else {
                throw invalid(Key.EXIT_WATCH, value);
            }
            if (millis < 0) {
                throw invalid(Key.EXIT_WATCH, value);
            }
            return millis;
        } catch (NumberFormatException | ArithmeticException notADuration) {
            throw invalid(Key.EXIT_WATCH, value);
        }
    }

    /** Whether the JVM exits with status 3 once the exit watch has said which pools keep it alive. */
    public boolean exitOnHang() {
        String value = raw(Key.ON_HANG).trim();
        if (!value.equals("report") && !value.equals("exit")) {
            throw invalid(Key.ON_HANG, value);
        }
        return value.equals("exit");
    }

    /** Whether pools a library holds for the life of the process are reported as leaks rather than listed apart. */
    public boolean lifetimePoolsAreLeaks() {
        String value = raw(Key.LIFETIME_POOLS).trim();
        if (!value.equals("apart") && !value.equals("leaks")) {
            throw invalid(Key.LIFETIME_POOLS, value);
        }
        return value.equals("leaks");
    }

    /** The path of the kinds file, or an empty string for none. */
    public String kindsFile() {
        return raw(Key.KINDS);
    }

    public boolean checkBuildTool() {
        return bool(Key.CHECK_BUILD_TOOL);
    }

    public boolean jmx() {
        return bool(Key.JMX);
    }

    public int stackDepth() {
        String value = raw(Key.STACK_DEPTH);
        try {
            int depth = Integer.parseInt(value);
            if (depth >= 0 && depth <= MAX_STACK_DEPTH) {
                return depth;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the option's name
        }
        throw invalid(Key.STACK_DEPTH, value);
    }

    public List<String> includes() {
        return patterns(Key.INCLUDES);
    }

    public List<String> excludes() {
        return patterns(Key.EXCLUDES);
    }

    /** The options as they would be written after {@code -javaagent:poolwatch-agent.jar=}. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(",");
        values.forEach((key, value) -> text.add(key.optionName + "=" + value));
        return text.toString();
    }
}
