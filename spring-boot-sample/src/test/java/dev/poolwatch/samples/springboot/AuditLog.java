package dev.poolwatch.samples.springboot;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Work on Spring's own pools: an {@code @Async} method on its task executor, a {@code @Scheduled} one on its scheduler. */
@Component
class AuditLog {

    private final AtomicInteger recorded = new AtomicInteger();

    @Async
    public void record(String event) {
        recorded.incrementAndGet();
    }

    @Scheduled(fixedDelay = 3_600_000)
    public void flush() {
        recorded.set(0);
    }
}
