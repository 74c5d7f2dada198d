package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The agent's JSON report ({@code report=<file>}), parsed with Gson, and the few reads the tests repeat. */
record JsonReportFile(JsonObject json) {

    static JsonReportFile read(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), "the JSON report was written to " + file);
        return new JsonReportFile(JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject());
    }

    /** A number of {@code summary}: poolsCreated, leaks, submitAfterShutdown, internalErrors, droppedSites, recordsAtExit. */
    long summary(String field) {
        return json.getAsJsonObject("summary").get(field).getAsLong();
    }

    JsonArray leaks() {
        return json.getAsJsonArray("leaks");
    }

    /** The leaks without the times their pools were created, which differ from run to run. */
    JsonArray leaksWithoutTimes() {
        JsonArray leaks = leaks().deepCopy();
        for (JsonElement leak : leaks) {
            leak.getAsJsonObject().remove("firstCreated");
            leak.getAsJsonObject().remove("lastCreated");
        }
        return leaks;
    }

    JsonArray submitsAfterShutdown() {
        return json.getAsJsonArray("submitAfterShutdown");
    }

    /** The only leak entry; fails if there are none or several. */
    JsonObject onlyLeak() {
        assertEquals(1, leaks().size(), "one leak entry: " + leaks());
        return leaks().get(0).getAsJsonObject();
    }

    /** The only submit-after-shutdown entry; fails if there are none or several. */
    JsonObject onlySubmitAfterShutdown() {
        assertEquals(1, submitsAfterShutdown().size(), "one submit-after-shutdown entry: " + submitsAfterShutdown());
        return submitsAfterShutdown().get(0).getAsJsonObject();
    }

    /** Asserts the summary's pool, leak and submit-after-shutdown counts. */
    void assertSummary(long poolsCreated, long leaks, long submitAfterShutdown) {
        String summary = json.getAsJsonObject("summary").toString();
        assertEquals(poolsCreated, summary("poolsCreated"), "poolsCreated: " + summary);
        assertEquals(leaks, summary("leaks"), "leaks: " + summary);
        assertEquals(submitAfterShutdown, summary("submitAfterShutdown"), "submitAfterShutdown: " + summary);
        assertEquals(0, summary("internalErrors"), "internalErrors: " + summary);
    }

    /** Asserts a leak entry's kind, pool type, count, and that its creation site starts at {@code firstFrame}. */
    static void assertLeak(JsonObject leak, String kind, String poolType, int count, String firstFrame) {
        assertEquals(kind, leak.get("kind").getAsString(), leak.toString());
        assertEquals(poolType, leak.get("poolType").getAsString(), leak.toString());
        assertEquals(count, leak.get("count").getAsInt(), leak.toString());
        assertStartsWith(firstFrame, firstFrame(leak, "creationSite"));
    }

    static void assertStartsWith(String prefix, String actual) {
        assertTrue(actual.startsWith(prefix), "expected '" + prefix + "...', got '" + actual + "'");
    }

    /** The strings of an array field of {@code entry}, e.g. its creationSite or threads. */
    static List<String> strings(JsonObject entry, String field) {
        List<String> values = new ArrayList<>();
        for (JsonElement value : entry.getAsJsonArray(field)) {
            values.add(value.getAsString());
        }
        return values;
    }

    /** The first frame of a stack field of {@code entry}: the application frame, e.g. {@code creationSite}. */
    static String firstFrame(JsonObject entry, String field) {
        List<String> frames = strings(entry, field);
        assertFalse(frames.isEmpty(), field + " has frames: " + entry);
        return frames.get(0);
    }
}
