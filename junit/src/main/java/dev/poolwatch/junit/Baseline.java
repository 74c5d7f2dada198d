package dev.poolwatch.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The leaks a team has accepted for now ({@code poolwatch-baseline.json}), so that {@code fail} mode
 * fails only for new ones; written by a run with {@code poolwatch.updateBaseline=true}. Its shape:
 * <pre>
 * {"knownLeaks": [
 *   {"className": "demo.LeakyTest", "methodName": "leaks", "creatingMethod": "demo.LeakyTest.leaks(LeakyTest.java)",
 *    "poolType": "java.util.concurrent.ThreadPoolExecutor"}]}
 * </pre>
 * with {@code methodName} {@code null} for a class's own leak, and {@code className} too for a pool
 * created outside every test. See {@link KnownLeak} for how a leak is matched. The JUnit listener reads
 * it in fail mode, and so does the Maven plugin's {@code check} goal.
 */
public final class Baseline {

    public static final Baseline NONE = new Baseline(List.of());

    public static final String SHAPE = "{\"knownLeaks\": [{\"className\": ..., \"methodName\": ..., \"creatingMethod\": ...}]}";

    private final List<KnownLeak> leaks;
    private final Set<List<String>> keys = new HashSet<>();

    public Baseline(List<KnownLeak> leaks) {
        this.leaks = List.copyOf(leaks);
        leaks.forEach(leak -> keys.add(leak.key()));
    }

    /** A baseline that cannot be read: the file, and what is wrong with it. */
    public static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }

    /** The baseline in {@code file}; {@link #NONE} if there is no such file. */
    public static Baseline read(Path file) throws Unreadable {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return NONE;
        } catch (IOException | RuntimeException unreadable) {
            throw new Unreadable("cannot read it: " + unreadable);
        }
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject() || !root.getAsJsonObject().has("knownLeaks")
                    || !root.getAsJsonObject().get("knownLeaks").isJsonArray()) {
                throw new Unreadable("it has no \"knownLeaks\" array");
            }
            List<KnownLeak> leaks = new ArrayList<>();
            JsonArray entries = root.getAsJsonObject().getAsJsonArray("knownLeaks");
            for (int i = 0; i < entries.size(); i++) {
                leaks.add(leak(entries.get(i), i));
            }
            return new Baseline(leaks);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException notJson) {
            throw new Unreadable("it is not valid JSON: " + notJson.getMessage());
        }
    }

    private static KnownLeak leak(JsonElement entry, int index) throws Unreadable {
        if (!entry.isJsonObject()) {
            throw new Unreadable("knownLeaks[" + index + "] is not an object");
        }
        JsonObject leak = entry.getAsJsonObject();
        String creatingMethod = string(leak, "creatingMethod", index);
        if (creatingMethod == null || creatingMethod.isEmpty()) {
            throw new Unreadable("knownLeaks[" + index + "] has no \"creatingMethod\"");
        }
        return new KnownLeak(string(leak, "className", index), string(leak, "methodName", index), creatingMethod,
                string(leak, "poolType", index));
    }

    private static String string(JsonObject leak, String field, int index) throws Unreadable {
        JsonElement value = leak.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new Unreadable("knownLeaks[" + index + "]." + field + " is not a string or null");
        }
        return value.getAsString();
    }

    public boolean knows(KnownLeak leak) {
        return keys.contains(leak.key());
    }

    public List<KnownLeak> leaks() {
        return leaks;
    }

    /**
     * The known leaks of the tests that ran ({@code testsRan}, class and method; a class as method
     * {@code null}) that did not happen this time: fixed, for the baseline to drop. Pools created
     * outside every test are left out, since a run of some tests only need not reach them.
     */
    public List<KnownLeak> noLongerHappening(Set<List<String>> testsRan, List<KnownLeak> happened) {
        Set<List<String>> happenedKeys = new HashSet<>();
        happened.forEach(leak -> happenedKeys.add(leak.key()));
        List<KnownLeak> fixed = new ArrayList<>();
        for (KnownLeak leak : leaks) {
            if (leak.className() != null && testsRan.contains(KnownLeak.test(leak.className(), leak.methodName()))
                    && !happenedKeys.contains(leak.key())) {
                fixed.add(leak);
            }
        }
        return fixed;
    }

    /**
     * The baseline after a run that updates it: the leaks that {@code happened}, and this baseline's
     * leaks of tests that did not run (a run of some tests only keeps the others' entries). Pools
     * outside every test are the run's.
     */
    public Baseline updatedBy(Set<List<String>> testsRan, List<KnownLeak> happened) {
        List<KnownLeak> updated = new ArrayList<>();
        Set<List<String>> added = new HashSet<>();
        for (KnownLeak leak : leaks) {
            if (leak.className() != null && !testsRan.contains(KnownLeak.test(leak.className(), leak.methodName()))
                    && added.add(leak.key())) {
                updated.add(leak);
            }
        }
        for (KnownLeak leak : happened) {
            if (added.add(leak.key())) {
                updated.add(leak);
            }
        }
        return new Baseline(updated);
    }

    public String json() {
        StringBuilder json = new StringBuilder("{\"knownLeaks\": [");
        String separator = "\n  ";
        for (KnownLeak leak : leaks) {
            json.append(separator).append("{\"className\": ").append(Json.string(leak.className()))
                    .append(", \"methodName\": ").append(Json.string(leak.methodName()))
                    .append(", \"creatingMethod\": ").append(Json.string(leak.creatingMethod()))
                    .append(", \"poolType\": ").append(Json.string(leak.poolType())).append('}');
            separator = ",\n  ";
        }
        return json.append(leaks.isEmpty() ? "" : "\n").append("]}\n").toString();
    }
}
