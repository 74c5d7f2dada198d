#!/usr/bin/env python3
"""CPython's side of MapSection: multiprocessing.pool.ThreadPool.map, timed one call at a time.

    python3 benchmarks/python/threadpool_map.py ITEMS PROCESSES

Reads one chunk size a line on standard input, runs pool.map(square, range(ITEMS), chunksize) and
prints the call's wall time in milliseconds on a line of its own, so that the Java side decides
when each call runs and can interleave it with its own sides. The interpreter's start-up, the pool's
creation and the check of the results are not timed. Ends the pool at end of input.
"""
import sys
import time
from multiprocessing.pool import ThreadPool


def square(x):
    """The item function of every side: x * x, the same on the Java sides."""
    return x * x


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: threadpool_map.py ITEMS PROCESSES")
    items = list(range(int(sys.argv[1])))
    expected = sum(x * x for x in items)
    with ThreadPool(int(sys.argv[2])) as pool:
        for line in sys.stdin:
            chunksize = int(line)
            started = time.perf_counter()
            results = pool.map(square, items, chunksize)
            elapsed = time.perf_counter() - started
            if sum(results) != expected:
                sys.exit("wrong results at chunksize %d" % chunksize)
            print("%.6f" % (elapsed * 1000), flush=True)


if __name__ == "__main__":
    main()
