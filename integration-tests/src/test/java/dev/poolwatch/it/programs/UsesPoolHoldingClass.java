package dev.poolwatch.it.programs;

/** Runs one task on the pool {@link PoolHoldingClass} keeps for the life of the process. */
public final class UsesPoolHoldingClass {

    private UsesPoolHoldingClass() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(PoolHoldingClass.POOL.submit(() -> "ran on the held pool").get());
    }
}
