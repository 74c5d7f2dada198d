package dev.poolwatch.junit;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configuration parameters poolwatch reads, from {@code junit-platform.properties}, Surefire's
 * {@code configurationParameters}, or a system property. A bad value never stops the run: it is
 * named in one line, and the default is used.
 *
 * @param mode {@code poolwatch.mode}: {@code warn} (default), {@code fail} or {@code off}
 * @param graceMillis {@code poolwatch.graceMillis}: how long a test's open pools get to be shut down
 *     after the test ends (by a callback or another thread) before they count as its leaks; default 100
 * @param extensionsAutodetected whether Jupiter loads the extension that fails tests in {@code fail} mode
 * @param agentOptions {@code poolwatch.agentOptions}: the options of an agent the listener attaches, as
 *     after {@code -javaagent:poolwatch-agent.jar=}; empty (the default) for none
 * @param reportFile {@code poolwatch.reportFile}: where the JSON of the tests' leaks is written at the end of
 *     the test plan; default {@code target/poolwatch-tests.json}, relative to the working directory;
 *     {@code %p} in it stands for the process id, {@code %%} for {@code %}
 * @param baselineFile {@code poolwatch.baselineFile}: the {@link Baseline} of known leaks; default
 *     {@code poolwatch-baseline.json}, relative to the working directory
 * @param updateBaseline {@code poolwatch.updateBaseline}: {@code true} writes this run's leaks as the
 *     baseline when the test plan ends, and fails no test for a leak; default {@code false}
 * @param problem what was wrong with the values given, or {@code null}
 */
record Settings(Mode mode, long graceMillis, boolean extensionsAutodetected, String agentOptions, Path reportFile,
        Path baselineFile, boolean updateBaseline, String problem) {

    static final String MODE = "poolwatch.mode";
    static final String GRACE_MILLIS = "poolwatch.graceMillis";
    static final String AGENT_OPTIONS = "poolwatch.agentOptions";
    static final String REPORT_FILE = "poolwatch.reportFile";
    static final String DEFAULT_REPORT_FILE = "target/poolwatch-tests.json";
    static final String BASELINE_FILE = "poolwatch.baselineFile";
    static final String DEFAULT_BASELINE_FILE = "poolwatch-baseline.json";
    static final String UPDATE_BASELINE = "poolwatch.updateBaseline";
    static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";
    static final long DEFAULT_GRACE_MILLIS = 100;
    static final long MAX_GRACE_MILLIS = 60_000;

    static Settings from(Function<String, Optional<String>> parameters) {
        StringBuilder problems = new StringBuilder();
        Mode mode = Mode.WARN;
        Optional<String> modeValue = parameters.apply(MODE);
        if (modeValue.isPresent()) {
            Mode parsed = Mode.parse(modeValue.get());
            if (parsed == null) {
                problems.append(MODE + "=" + modeValue.get() + " is not valid: expected warn, fail or off; using warn");
            } else {
                mode = parsed;
            }
        }
        long grace = DEFAULT_GRACE_MILLIS;
        Optional<String> graceValue = parameters.apply(GRACE_MILLIS);
        if (graceValue.isPresent()) {
            try {
                grace = Long.parseLong(graceValue.get().trim());
            } catch (NumberFormatException notANumber) {
                grace = -1;
            }
            if (grace < 0 || grace > MAX_GRACE_MILLIS) {
                problems.append(problems.length() == 0 ? "" : "; ").append(GRACE_MILLIS + "=" + graceValue.get()
                        + " is not valid: expected milliseconds from 0 to " + MAX_GRACE_MILLIS + "; using "
                        + DEFAULT_GRACE_MILLIS);
                grace = DEFAULT_GRACE_MILLIS;
            }
        }
        boolean autodetected = parameters.apply(AUTODETECTION).map(value -> value.trim().equalsIgnoreCase("true"))
                .orElse(false);
        String agentOptions = parameters.apply(AGENT_OPTIONS).map(String::trim).orElse("");
        Path reportFile = path(parameters.andThen(value -> value.map(Settings::withProcessId)), REPORT_FILE,
                DEFAULT_REPORT_FILE, problems);
        Path baselineFile = path(parameters, BASELINE_FILE, DEFAULT_BASELINE_FILE, problems);
        boolean updateBaseline = false;
        Optional<String> updateValue = parameters.apply(UPDATE_BASELINE).map(String::trim);
        if (updateValue.isPresent()) {
            if (updateValue.get().equalsIgnoreCase("true") || updateValue.get().isEmpty()) {
                updateBaseline = true; // -Dpoolwatch.updateBaseline alone says true
            } else if (!updateValue.get().equalsIgnoreCase("false")) {
                problems.append(problems.length() == 0 ? "" : "; ").append(UPDATE_BASELINE + "=" + updateValue.get()
                        + " is not valid: expected true or false; using false");
            }
        }
        return new Settings(mode, grace, autodetected, agentOptions, reportFile, baselineFile, updateBaseline,
                problems.length() == 0 ? null : problems.toString());
    }

    /**
     * {@code value} with {@code %p} replaced by this JVM's process id and {@code %%} by {@code %}, as in
     * the agent's {@code report} option: one path in an argLine serves every forked test JVM.
     */
    static String withProcessId(String value) {
        StringBuilder expanded = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 1 < value.length() && (value.charAt(i + 1) == 'p' || value.charAt(i + 1) == '%')) {
                i++;
                expanded.append(value.charAt(i) == 'p' ? String.valueOf(ProcessHandle.current().pid()) : "%");
            } else {
                expanded.append(c);
            }
        }
        return expanded.toString();
    }

    private static Path path(Function<String, Optional<String>> parameters, String name, String defaultValue,
            StringBuilder problems) {
        String value = parameters.apply(name).map(String::trim).filter(given -> !given.isEmpty()).orElse(defaultValue);
        try {
            return Paths.get(value);
        } catch (InvalidPathException notAPath) {
            problems.append(problems.length() == 0 ? "" : "; ").append(name + "=" + value + " is not valid: "
                    + notAPath.getMessage() + "; using " + defaultValue);
            return Paths.get(defaultValue);
        }
    }
}
