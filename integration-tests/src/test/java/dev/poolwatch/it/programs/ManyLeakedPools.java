package dev.poolwatch.it.programs;

import java.util.ArrayList;
import java.util.List;

import dev.poolwatch.pool.ThreadPool;

/** Leaves 1,000 pools of 8 started worker threads each open at exit: 8,000 threads for the report to go through. */
public final class ManyLeakedPools {

    private static final int POOLS = 1000;
    private static final int THREADS_PER_POOL = 8;
    private static final List<ThreadPool> OPEN = new ArrayList<>();

    private ManyLeakedPools() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < POOLS; i++) {
            OPEN.add(new ThreadPool(THREADS_PER_POOL));
        }
        System.out.println("open: " + OPEN.size() + " pools of " + THREADS_PER_POOL + " threads");
    }
}
