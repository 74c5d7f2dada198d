package dev.poolwatch.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of a test plan: each test or class that left a pool open, in the order they ended,
 * and the pools left open outside every test. Tests that left nothing open are left out.
 *
 * <p>A leak record has the fields of the agent's report that the listener can fill: {@code kind} is
 * always {@code OPEN} (never shut down by the time the test ended; busy or idle, and the worker
 * threads, are only known to the agent's own report at exit), {@code poolType}, {@code count} (pools
 * of that type created at the same site by the same thread), {@code creationSite} and
 * {@code creatingThread}.
 */
final class TestsReport {

    static final String KIND = "OPEN";

    private final List<TestLeaks> tests = new ArrayList<>();

    /** Adds {@code test}'s entry, unless it left nothing open. Tests in parallel may end at once. */
    synchronized void add(TestLeaks test) {
        if (!test.verdict().isEmpty()) {
            tests.add(test);
        }
    }

    synchronized String json(List<PoolSeen> outsideTests) {
        StringBuilder json = new StringBuilder("{\"tests\": [");
        for (int i = 0; i < tests.size(); i++) {
            TestLeaks test = tests.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("  {\"className\": ").append(Json.string(test.className()))
                    .append(", \"methodName\": ").append(Json.string(test.methodName()))
                    .append(", \"displayName\": ").append(Json.string(test.displayName()))
                    .append(",\n   \"leaks\": ").append(leaks(test.verdict().leaked(), "    "))
                    .append(",\n   \"notBlamed\": ").append(leaks(test.verdict().notAttributed(), "    "))
                    .append('}');
        }
        json.append(tests.isEmpty() ? "" : "\n").append("],\n\"outsideTests\": ").append(leaks(outsideTests, "  "))
                .append("}\n");
        return json.toString();
    }

    /** The leak records of {@code pools}, one per type, site and creating thread, in the order first created. */
    private static String leaks(List<PoolSeen> pools, String indent) {
        Map<List<Object>, Integer> counts = new LinkedHashMap<>();
        Map<List<Object>, PoolSeen> firsts = new LinkedHashMap<>();
        for (PoolSeen pool : pools) {
            List<Object> key = List.of(pool.poolType(), pool.creationSite(), pool.creatingThread());
            counts.merge(key, 1, Integer::sum);
            firsts.putIfAbsent(key, pool);
        }
        if (firsts.isEmpty()) {
            return "[]";
        }
        StringBuilder json = new StringBuilder("[");
        String separator = "\n";
        for (Map.Entry<List<Object>, PoolSeen> entry : firsts.entrySet()) {
            PoolSeen pool = entry.getValue();
            json.append(separator).append(indent).append("{\"kind\": ").append(Json.string(KIND))
                    .append(", \"poolType\": ").append(Json.string(pool.poolType()))
                    .append(", \"count\": ").append(counts.get(entry.getKey()))
                    .append(", \"creationSite\": ").append(Json.strings(pool.creationSite()))
                    .append(", \"creatingThread\": ").append(Json.string(pool.creatingThread())).append('}');
            separator = ",\n";
        }
        return json.append(']').toString();
    }
}
