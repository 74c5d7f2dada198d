package dev.poolwatch.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TestsReportTest {

    private static final String TYPE = "java.util.concurrent.ThreadPoolExecutor";

    private static PoolSeen pool(long number, String site, String thread) {
        return new PoolSeen(number, TYPE, List.of(site, "demo.Caller.call(Caller.java:3)"), thread, 0, false, null);
    }

    @Test
    void no_leak_anywhere_is_two_empty_lists() {
        assertEquals("{\"tests\": [],\n\"outsideTests\": []}\n", new TestsReport().json(List.of(), List.of()));
    }

    @Test
    void a_class_has_a_null_method_and_pools_of_one_site_and_thread_are_counted_in_one_record() {
        TestsReport report = new TestsReport();
        report.add(new TestLeaks("demo.ClassLeakTest", null, "ClassLeakTest",
                new Verdict(List.of(pool(1, "demo.A.a(A.java:1)", "main"), pool(2, "demo.A.a(A.java:1)", "main"),
                        pool(3, "demo.A.a(A.java:1)", "other")), List.of())));

        assertEquals("{\"tests\": [\n"
                + "  {\"className\": \"demo.ClassLeakTest\", \"methodName\": null, \"displayName\": \"ClassLeakTest\",\n"
                + "   \"leaks\": [\n"
                + "    {\"kind\": \"OPEN\", \"poolType\": \"" + TYPE + "\", \"poolKind\": null, \"count\": 2, \"creationSite\": [\"demo.A.a(A.java:1)\","
                + " \"demo.Caller.call(Caller.java:3)\"], \"creatingThread\": \"main\", \"inBaseline\": false},\n"
                + "    {\"kind\": \"OPEN\", \"poolType\": \"" + TYPE + "\", \"poolKind\": null, \"count\": 1, \"creationSite\": [\"demo.A.a(A.java:1)\","
                + " \"demo.Caller.call(Caller.java:3)\"], \"creatingThread\": \"other\", \"inBaseline\": false}],\n"
                + "   \"notBlamed\": []}\n"
                + "],\n\"outsideTests\": []}\n", report.json(List.of(), List.of()));
    }

    @Test
    void a_test_known_leaks_are_among_its_leaks_marked_in_the_baseline() {
        TestsReport report = new TestsReport();
        report.add(new TestLeaks("demo.T", "t", "t()", new Verdict(List.of(pool(2, "demo.New.n(New.java:1)", "main")),
                List.of(pool(1, "demo.Old.o(Old.java:1)", "main")), List.of())));

        String json = report.json(List.of(), List.of());

        assertTrue(json.indexOf("\"creationSite\": [\"demo.Old.o(Old.java:1)\", \"demo.Caller.call(Caller.java:3)\"],"
                + " \"creatingThread\": \"main\", \"inBaseline\": true}") < json.indexOf("\"creationSite\": [\"demo.New.n(New.java:1)\","
                + " \"demo.Caller.call(Caller.java:3)\"], \"creatingThread\": \"main\", \"inBaseline\": false}"), json);
        assertTrue(json.contains("\"inBaseline\": false"), json);
    }

    @Test
    void a_library_pool_names_its_kind() {
        TestsReport report = new TestsReport();
        PoolSeen group = new PoolSeen(1, "io.netty.channel.MultiThreadIoEventLoopGroup", List.of("demo.N.n(N.java:1)"),
                "main", 0, false, "netty");
        report.add(new TestLeaks("demo.N", "n", "n()", new Verdict(List.of(group), List.of())));

        assertTrue(report.json(List.of(), List.of()).contains(
                "\"poolType\": \"io.netty.channel.MultiThreadIoEventLoopGroup\", \"poolKind\": \"netty\", \"count\": 1"));
    }

    @Test
    void pools_only_named_under_a_test_are_its_not_blamed_and_pools_outside_tests_are_listed_apart() {
        TestsReport report = new TestsReport();
        PoolSeen outside = pool(2, "demo.S.<clinit>(S.java:4)", "main");
        report.add(new TestLeaks("demo.T", "t", "a \"quoted\" name", new Verdict(List.of(), List.of(pool(1, "demo.B.b(B.java:2)", "worker")))));
        report.add(new TestLeaks("demo.Clean", "clean", "clean()", Verdict.NOTHING));

        assertEquals("{\"tests\": [\n"
                + "  {\"className\": \"demo.T\", \"methodName\": \"t\", \"displayName\": \"a \\\"quoted\\\" name\",\n"
                + "   \"leaks\": [],\n"
                + "   \"notBlamed\": [\n"
                + "    {\"kind\": \"OPEN\", \"poolType\": \"" + TYPE + "\", \"poolKind\": null, \"count\": 1, \"creationSite\": [\"demo.B.b(B.java:2)\","
                + " \"demo.Caller.call(Caller.java:3)\"], \"creatingThread\": \"worker\"}]}\n"
                + "],\n\"outsideTests\": [\n"
                + "  {\"kind\": \"OPEN\", \"poolType\": \"" + TYPE + "\", \"poolKind\": null, \"count\": 1, \"creationSite\": [\"demo.S.<clinit>(S.java:4)\","
                + " \"demo.Caller.call(Caller.java:3)\"], \"creatingThread\": \"main\", \"inBaseline\": true}]}\n",
                report.json(List.of(outside), List.of(outside)));
    }
}
