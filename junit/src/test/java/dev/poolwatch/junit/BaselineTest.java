package dev.poolwatch.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    private static final String TYPE = "java.util.concurrent.ThreadPoolExecutor";

    @TempDir
    Path directory;

    private static PoolSeen pool(String site) {
        return new PoolSeen(1, TYPE, List.of(site, "demo.Caller.call(Caller.java:3)"), "main", 0, false, null);
    }

    @Test
    void a_leak_is_matched_by_test_and_creating_method_whatever_its_line() {
        Baseline baseline = new Baseline(List.of(KnownLeak.of("demo.T", "t", pool("demo.T.t(T.java:10)"))));

        assertTrue(baseline.knows(KnownLeak.of("demo.T", "t", pool("demo.T.t(T.java:42)"))));
        assertFalse(baseline.knows(KnownLeak.of("demo.T", "other", pool("demo.T.t(T.java:10)"))));
        assertFalse(baseline.knows(KnownLeak.of("demo.T", null, pool("demo.T.t(T.java:10)"))));
        assertFalse(baseline.knows(KnownLeak.of("demo.T", "t", pool("demo.T.helper(T.java:10)"))));
    }

    @Test
    void the_creating_method_drops_only_a_line_number() {
        assertEquals("demo.T.t(T.java)", KnownLeak.creatingMethod(List.of("demo.T.t(T.java:10)")));
        assertEquals("app/demo.T.t(T.java)", KnownLeak.creatingMethod(List.of("app/demo.T.t(T.java:10)")));
        assertEquals("demo.T.t(Unknown Source)", KnownLeak.creatingMethod(List.of("demo.T.t(Unknown Source)")));
        assertEquals("", KnownLeak.creatingMethod(List.of()));
    }

    @Test
    void what_it_writes_it_reads_back() throws Exception {
        Baseline written = new Baseline(List.of(KnownLeak.of("demo.T", "t", pool("demo.T.t(T.java:10)")),
                KnownLeak.of("demo.C", null, pool("demo.C.setUp(C.java:5)")),
                KnownLeak.of(null, null, pool("demo.S.<clinit>(S.java:4)"))));
        Path file = Files.writeString(directory.resolve("poolwatch-baseline.json"), written.json());

        assertEquals(written.leaks(), Baseline.read(file).leaks());
    }

    @Test
    void no_file_is_an_empty_baseline() throws Exception {
        assertSame(Baseline.NONE, Baseline.read(directory.resolve("missing.json")));
    }

    @Test
    void a_file_of_another_shape_names_what_is_wrong() throws Exception {
        assertEquals("it is not valid JSON: " , problem("{\"knownLeaks\": [").substring(0, 22));
        assertEquals("it has no \"knownLeaks\" array", problem("{\"tests\": []}"));
        assertEquals("knownLeaks[1] is not an object",
                problem("{\"knownLeaks\": [{\"creatingMethod\": \"a.B.c(B.java)\"}, 3]}"));
        assertEquals("knownLeaks[0] has no \"creatingMethod\"", problem("{\"knownLeaks\": [{\"className\": \"a.B\"}]}"));
    }

    private String problem(String text) throws Exception {
        Path file = Files.writeString(directory.resolve("bad.json"), text);
        return assertThrows(Baseline.Unreadable.class, () -> Baseline.read(file)).getMessage();
    }

    @Test
    void an_update_keeps_the_entries_of_tests_that_did_not_run_and_replaces_the_rest() {
        KnownLeak notRun = KnownLeak.of("demo.Other", "o", pool("demo.Other.o(Other.java:1)"));
        KnownLeak fixed = KnownLeak.of("demo.T", "t", pool("demo.T.t(T.java:10)"));
        KnownLeak outside = KnownLeak.of(null, null, pool("demo.S.<clinit>(S.java:4)"));
        KnownLeak happened = KnownLeak.of("demo.T", "u", pool("demo.T.u(T.java:20)"));
        Baseline baseline = new Baseline(List.of(notRun, fixed, outside));
        Set<List<String>> ran = Set.of(KnownLeak.test("demo.T", "t"), KnownLeak.test("demo.T", "u"));

        assertEquals(List.of(notRun, happened), baseline.updatedBy(ran, List.of(happened)).leaks());
        assertEquals(List.of(fixed), baseline.noLongerHappening(ran, List.of(happened)));
    }
}
