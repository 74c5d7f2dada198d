package dev.poolwatch.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.poolwatch.agent.report.LeakKind;

/**
 * Reads the reports that {@code prepare-agent} had the test JVMs write: each JVM's exit report,
 * {@code poolwatch-<pid>.json}, and, where the tests ran the JUnit listener, its report of which test
 * leaked what, {@code poolwatch-tests-<pid>.json}. A leak in both is one finding, with the test on it;
 * findings of the same kind, type, site and tests in several JVMs are one, counted together.
 */
final class ReportReader {

    private static final Pattern EXIT_REPORT = Pattern.compile("poolwatch-(\\d+)\\.json");
    private static final Pattern TESTS_REPORT = Pattern.compile("poolwatch-tests-(\\d+)\\.json");

    private final List<String> unreadable = new ArrayList<>();
    private final Map<List<Object>, Finding> merged = new LinkedHashMap<>();
    private int jvms;
    private long poolsCreated;

    private ReportReader() {
    }

    static Reports read(Path directory) throws IOException {
        ReportReader reader = new ReportReader();
        Map<String, Path> exitReports = new TreeMap<>();
        Map<String, Path> testsReports = new TreeMap<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "poolwatch-*.json")) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    Matcher exit = EXIT_REPORT.matcher(name);
                    Matcher tests = TESTS_REPORT.matcher(name);
                    if (exit.matches()) {
                        exitReports.put(exit.group(1), file);
                    } else if (tests.matches()) {
                        testsReports.put(tests.group(1), file);
                    }
                }
            }
        }
        for (Map.Entry<String, Path> exit : exitReports.entrySet()) {
            reader.readJvm(exit.getValue(), testsReports.remove(exit.getKey()));
        }
        for (Path testsOnly : testsReports.values()) { // a JVM killed before its exit report
            reader.readJvm(null, testsOnly);
        }
        List<Finding> findings = new ArrayList<>(reader.merged.values());
        findings.sort(Comparator.comparingInt(ReportReader::severity));
        return new Reports(reader.jvms, reader.poolsCreated, findings, reader.unreadable);
    }

    private static int severity(Finding finding) {
        for (LeakKind kind : LeakKind.values()) {
            if (kind.name().equals(finding.kind())) {
                return kind.ordinal();
            }
        }
        return LeakKind.values().length;
    }

    private void readJvm(Path exitReport, Path testsReport) {
        JsonObject exit = exitReport == null ? null : parse(exitReport);
        JsonObject tests = testsReport == null ? null : parse(testsReport);
        List<Finding> listed = new ArrayList<>(); // the listener's leaks, each with its test
        if (tests != null) {
            try {
                for (JsonElement test : array(tests, "tests")) {
                    JsonObject entry = test.getAsJsonObject();
                    TestRef ref = new TestRef(string(entry, "className"), string(entry, "methodName"),
                            string(entry, "displayName"));
                    for (JsonElement leak : array(entry, "leaks")) {
                        listed.add(leak(leak.getAsJsonObject(), Finding.OPEN_AT_TEST_END, List.of(ref)));
                    }
                }
                for (JsonElement leak : array(tests, "outsideTests")) {
                    listed.add(leak(leak.getAsJsonObject(), Finding.OPEN_AT_TEST_END, List.of()));
                }
            } catch (RuntimeException badShape) {
                unreadable.add(testsReport + ": " + badShape.getMessage());
                listed.clear();
            }
        }
        if (exit != null) {
            try {
                jvms++;
                poolsCreated += exit.getAsJsonObject("summary").get("poolsCreated").getAsLong();
                for (JsonElement element : array(exit, "leaks")) {
                    JsonObject leak = element.getAsJsonObject();
                    Finding atExit = leak(leak, string(leak, "kind"), List.of());
                    List<TestRef> blamed = new ArrayList<>();
                    listed.removeIf(seen -> {
                        if (!sameSite(seen, atExit)) {
                            return false;
                        }
                        blamed.addAll(seen.tests());
                        return true;
                    });
                    add(new Finding(atExit.kind(), atExit.poolType(), atExit.count(), atExit.site(),
                            atExit.creatingThread(), atExit.threads(), blamed.stream().distinct().toList(),
                            atExit.poolKind(), atExit.agentFix()));
                }
                for (JsonElement element : array(exit, "submitAfterShutdown")) {
                    JsonObject submit = element.getAsJsonObject();
                    add(new Finding(LeakKind.SUBMIT_AFTER_SHUTDOWN.name(), string(submit, "poolType"),
                            submit.get("count").getAsInt(), submitSite(submit), null, List.of(), List.of(), null, null));
                }
            } catch (RuntimeException badShape) {
                unreadable.add(exitReport + ": " + badShape.getMessage());
            }
        }
        listed.forEach(this::add); // shut down after their tests ended, before the JVM exited
    }

    /**
     * Where the tasks were submitted; for tasks JDK code submitted on the program's behalf (no frame of
     * the program's on the stack), where the program created their pool, as the agent judges them.
     */
    private static List<String> submitSite(JsonObject submit) {
        List<String> site = strings(submit, "submitSite");
        return site.isEmpty() && submit.has("poolCreationSite") ? strings(submit, "poolCreationSite") : site;
    }

    private static boolean sameSite(Finding listed, Finding atExit) {
        return listed.poolType().equals(atExit.poolType()) && listed.firstFrame().equals(atExit.firstFrame());
    }

    private void add(Finding finding) {
        List<Object> key = List.of(finding.kind(), finding.poolType(), finding.site(), finding.tests());
        merged.merge(key, finding, (first, more) -> new Finding(first.kind(), first.poolType(),
                first.count() + more.count(), first.site(), first.creatingThread(), concat(first.threads(), more.threads()),
                first.tests(), first.poolKind(), first.agentFix()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    private static Finding leak(JsonObject leak, String kind, List<TestRef> tests) {
        return new Finding(kind, string(leak, "poolType"), leak.get("count").getAsInt(), strings(leak, "creationSite"),
                string(leak, "creatingThread"), leak.has("threads") ? strings(leak, "threads") : List.of(), tests,
                string(leak, "poolKind"), string(leak, "fix"));
    }

    private JsonObject parse(Path file) {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (root.isJsonObject()) {
                return root.getAsJsonObject();
            }
            unreadable.add(file + ": not a JSON object");
        } catch (IOException | JsonParseException unreadableFile) {
            unreadable.add(file + ": " + unreadableFile.getMessage());
        }
        return null;
    }

    private static JsonArray array(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || !value.isJsonArray()) {
            throw new IllegalStateException("no \"" + field + "\" array");
        }
        return value.getAsJsonArray();
    }

    private static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static List<String> strings(JsonObject object, String field) {
        List<String> values = new ArrayList<>();
        array(object, field).forEach(value -> values.add(value.getAsString()));
        return values;
    }
}
