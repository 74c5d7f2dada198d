package dev.poolwatch.benchmarks.pool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.poolwatch.benchmarks.report.Figures;

/**
 * Calls every side at every chunk size, one call at a time in rounds, rotating which side goes
 * first each round so that no side always follows the same one (and inherits its garbage or its
 * cold caches); keeps the times of the rounds after the warm-up.
 */
final class MapTimings {

    private final Map<String, Map<Integer, List<Double>>> millis = new LinkedHashMap<>();

    private MapTimings() {
    }

    static MapTimings measure(List<MapSide> sides, List<Integer> chunksizes, int warmUpRounds, int rounds)
            throws Exception {
        MapTimings timings = new MapTimings();
        for (MapSide side : sides) {
            Map<Integer, List<Double>> byChunksize = new LinkedHashMap<>();
            chunksizes.forEach(chunksize -> byChunksize.put(chunksize, new ArrayList<>()));
            timings.millis.put(side.name(), byChunksize);
        }
        List<MapSide> order = new ArrayList<>(sides);
        for (int round = -warmUpRounds; round < rounds; round++) {
            for (int chunksize : chunksizes) {
                for (MapSide side : order) {
                    double elapsed = side.timeOneCall(chunksize);
                    if (round >= 0) {
                        timings.millis.get(side.name()).get(chunksize).add(elapsed);
                    }
                }
            }
            order.add(order.remove(0));
        }
        return timings;
    }

    double median(String side, int chunksize) {
        return Figures.median(millis.get(side).get(chunksize));
    }
}
