package dev.poolwatch.it.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Leaks one pool at each of {@code args[0]} call depths: each depth is a creation site of its own,
 * so under a deep {@code stackDepth} the text report runs to megabytes.
 */
public final class LeaksAtManySites {

    private static final List<ExecutorService> LEAKED = new ArrayList<>();

    private LeaksAtManySites() {
    }

    public static void main(String[] args) {
        int sites = Integer.parseInt(args[0]);
        for (int depth = 0; depth < sites; depth++) {
            createAtDepth(depth);
        }
        System.out.println("leaked " + LEAKED.size());
    }

    private static void createAtDepth(int depth) {
        if (depth == 0) {
            LEAKED.add(Executors.newCachedThreadPool());
        } else {
            createAtDepth(depth - 1);
        }
    }
}
