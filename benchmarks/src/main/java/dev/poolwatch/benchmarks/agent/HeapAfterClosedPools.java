package dev.poolwatch.benchmarks.agent;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import dev.poolwatch.benchmarks.report.Figures;

/**
 * The heap the agent keeps after pools are gone: {@link ClosedPoolsHeap} in a JVM under the agent and
 * in a bare one, runs interleaved, and the medians of what each left in the heap beyond its baseline.
 */
final class HeapAfterClosedPools {

    /** The heap each side had in use before and after, bytes, one of each per run. */
    record Side(List<Double> baselines, List<Double> afters) {

        double medianGrowth() {
            List<Double> growth = new ArrayList<>();
            for (int i = 0; i < baselines.size(); i++) {
                growth.add(afters.get(i) - baselines.get(i));
            }
            return Figures.median(growth);
        }

        double medianBaseline() {
            return Figures.median(baselines);
        }
    }

    record Result(int pools, int runs, Side bare, Side underAgent) {
    }

    private HeapAfterClosedPools() {
    }

    static Result measure(int pools, int runs) throws IOException, InterruptedException {
        Side bare = new Side(new ArrayList<>(), new ArrayList<>());
        Side underAgent = new Side(new ArrayList<>(), new ArrayList<>());
        String classPath = BuildOutputs.ownClassPath().toString();
        for (int run = 0; run < runs; run++) {
            boolean agentFirst = run % 2 == 1;
            for (boolean agent : agentFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                List<String> options = new ArrayList<>();
                if (agent) {
                    options.add("-javaagent:" + BuildOutputs.agentJar() + "=quiet=true");
                }
                options.add("-cp");
                options.add(classPath);
                ForkedJava.Run result = ForkedJava.run(Paths.get("."), options, ClosedPoolsHeap.class.getName(),
                        List.of(String.valueOf(pools)));
                String[] bytes = result.output().strip().split(" ");
                Side side = agent ? underAgent : bare;
                side.baselines().add(Double.parseDouble(bytes[0]));
                side.afters().add(Double.parseDouble(bytes[1]));
            }
        }
        return new Result(pools, runs, bare, underAgent);
    }
}
