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
 * threads, are only known to the agent's own report at exit), {@code poolType}, {@code poolKind} (a
 * library pool's kind, {@code null} for the JDK's), {@code count} (pools
 * of that type created at the same site by the same thread), {@code creationSite} and
 * {@code creatingThread}; and, for a test's leaks and those outside every test, {@code inBaseline}:
 * whether the {@link Baseline} knows it.
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

    /** The report, with the pools open outside every test, of which {@code knownOutside} are in the baseline. */
    synchronized String json(List<PoolSeen> outsideTests, List<PoolSeen> knownOutside) {
        StringBuilder json = new StringBuilder("{\"tests\": [");
        for (int i = 0; i < tests.size(); i++) {
            TestLeaks test = tests.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("  {\"className\": ").append(Json.string(test.className()))
                    .append(", \"methodName\": ").append(Json.string(test.methodName()))
                    .append(", \"displayName\": ").append(Json.string(test.displayName()))
                    .append(",\n   \"leaks\": ").append(leaks(all(test.verdict()), test.verdict().known(), "    "))
                    .append(",\n   \"notBlamed\": ").append(leaks(test.verdict().notAttributed(), null, "    "))
                    .append('}');
        }
        json.append(tests.isEmpty() ? "" : "\n").append("],\n\"outsideTests\": ").append(leaks(outsideTests, knownOutside, "  "))
                .append("}\n");
        return json.toString();
    }

    private static List<PoolSeen> all(Verdict verdict) {
        List<PoolSeen> leaks = new ArrayList<>(verdict.leaked());
        leaks.addAll(verdict.known());
        leaks.sort((a, b) -> Long.compare(a.number(), b.number()));
        return leaks;
    }

    /**
     * The leak records of {@code pools}, one per type, site and creating thread, in the order first
     * created; each with {@code inBaseline} (whether it is among {@code known}) unless {@code known}
     * is {@code null}.
     */
    private static String leaks(List<PoolSeen> pools, List<PoolSeen> known, String indent) {
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
                    .append(", \"poolKind\": ").append(Json.string(pool.poolKind()))
                    .append(", \"count\": ").append(counts.get(entry.getKey()))
                    .append(", \"creationSite\": ").append(Json.strings(pool.creationSite()))
                    .append(", \"creatingThread\": ").append(Json.string(pool.creatingThread()));
            if (known != null) {
                json.append(", \"inBaseline\": ").append(known.contains(pool));
            }
            json.append('}');
            separator = ",\n";
        }
        return json.append(']').toString();
    }
}
