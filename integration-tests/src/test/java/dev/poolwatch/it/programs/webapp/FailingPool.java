package dev.poolwatch.it.programs.webapp;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A pool whose {@code isShutdown} throws: the agent asks it when a task is rejected, and counts the failure. */
final class FailingPool extends ThreadPoolExecutor {

    FailingPool() {
        super(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    }

    @Override
    public boolean isShutdown() {
        throw new IllegalStateException("this webapp's pool cannot be asked");
    }
}
