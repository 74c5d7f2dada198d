package dev.poolwatch.benchmarks.pool;

/** One way of squaring every item of {@link Squares} on two workers, timed one call at a time. */
interface MapSide {

    /** The name the tables give the side. */
    String name();

    /**
     * Squares every item in chunks of {@code chunksize} and returns how long it took, in
     * milliseconds, until the caller held every result; the results are checked, untimed.
     */
    double timeOneCall(int chunksize) throws Exception;
}
