package demo;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JUnit keeps a pool of its own for @Timeout in its root store, created during the first such test: JUnit's, not the test's. */
class TimeoutTest {

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void runsUnderATimeout() {
    }
}
