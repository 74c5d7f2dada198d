package dev.poolwatch.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Whose leak each open pool is, with the registry faked and the tests' events given by hand. */
class LeakAttributionTest {

    private static final String TEST_SITE = "demo.LeakyTest.leaks(LeakyTest.java:14)";
    private static final long NO_SCOPE = 0;

    private final FakePools pools = new FakePools();
    private final LeakAttribution attribution = new LeakAttribution(pools, 0, System::nanoTime);

    @Test
    void a_pool_the_test_thread_created_and_left_open_is_the_test_leak() {
        attribution.started("test");
        PoolSeen leaked = pools.create(TEST_SITE);
        PoolSeen closed = pools.create(TEST_SITE);
        pools.shutDown(closed);

        Verdict verdict = attribution.finished("test");

        assertEquals(List.of(leaked), verdict.leaked());
        assertEquals(List.of(), verdict.notAttributed());
        assertEquals(List.of(), attribution.outsideTests(), "blamed once, on the test");
    }

    @Test
    void a_pool_a_thread_of_no_test_created_while_the_test_ran_is_named_but_not_blamed() {
        attribution.started("test");
        PoolSeen fromSharedWorker = pools.create(TEST_SITE, NO_SCOPE, true);

        Verdict verdict = attribution.finished("test");

        assertEquals(List.of(), verdict.leaked());
        assertEquals(List.of(fromSharedWorker), verdict.notAttributed());
    }

    @Test
    void a_pool_created_by_a_thread_the_test_started_transitively_is_the_test_leak() throws Exception {
        attribution.started("test");
        PoolSeen[] created = new PoolSeen[1];
        Thread grandchild = new Thread(() -> created[0] = pools.create(TEST_SITE));
        Thread child = new Thread(() -> {
            grandchild.start();
            join(grandchild);
        });
        child.start();
        child.join();

        assertEquals(List.of(created[0]), attribution.finished("test").leaked());
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_pool_created_on_a_worker_the_test_started_is_its_leak_while_no_tests_ran_in_parallel() {
        attribution.started("test");
        PoolSeen onWorker = pools.create(TEST_SITE, FakePools.currentScope(), true);

        assertEquals(List.of(onWorker), attribution.finished("test").leaked());
    }

    @Test
    void once_tests_ran_in_parallel_a_pool_created_on_a_worker_is_named_not_blamed() throws Exception {
        Thread other = new Thread(() -> attribution.started("parallel test"));
        other.start();
        other.join();
        attribution.started("test");
        PoolSeen onWorker = pools.create(TEST_SITE, FakePools.currentScope(), true);
        PoolSeen onOwnThread = pools.create(TEST_SITE);

        Verdict verdict = attribution.finished("test");

        assertEquals(List.of(onOwnThread), verdict.leaked());
        assertEquals(List.of(onWorker), verdict.notAttributed());
    }

    @Test
    void a_pool_of_a_parallel_test_still_running_is_left_to_it() throws Exception {
        long[] parallelScope = new long[1];
        Thread other = new Thread(() -> {
            attribution.started("parallel test");
            parallelScope[0] = FakePools.currentScope();
        });
        other.start();
        other.join();
        attribution.started("test");
        PoolSeen theirs = pools.create(TEST_SITE, parallelScope[0], false);

        assertTrue(attribution.finished("test").isEmpty());
        assertEquals(List.of(theirs), attribution.judge("parallel test").leaked());
    }

    @Test
    void a_pool_created_in_the_scope_of_a_test_that_has_ended_is_named_not_blamed() {
        attribution.started("earlier test");
        long earlierScope = FakePools.currentScope();
        attribution.finished("earlier test");
        attribution.started("test");
        PoolSeen lateFromEarlierTest = pools.create(TEST_SITE, earlierScope, false);

        Verdict verdict = attribution.finished("test");

        assertEquals(List.of(), verdict.leaked());
        assertEquals(List.of(lateFromEarlierTest), verdict.notAttributed());
    }

    @Test
    void a_test_ending_gives_its_thread_back_the_scope_it_had_before() {
        attribution.started("class");
        long classScope = FakePools.currentScope();
        attribution.started("test");
        attribution.finished("test");

        assertEquals(classScope, FakePools.currentScope());
        attribution.finished("class");
        assertEquals(NO_SCOPE, FakePools.currentScope());
    }

    @Test
    void a_class_is_blamed_only_for_what_none_of_its_tests_was() {
        attribution.started("class");
        PoolSeen inBeforeAll = pools.create("demo.ClassLeakTest.startShared(ClassLeakTest.java:12)");
        attribution.started("test");
        PoolSeen inTest = pools.create(TEST_SITE);
        assertEquals(List.of(inTest), attribution.finished("test").leaked());

        assertEquals(List.of(inBeforeAll), attribution.finished("class").leaked());
    }

    @Test
    void a_pool_created_before_the_test_is_not_its_leak_but_outside_every_test() {
        PoolSeen suiteSetUp = pools.create("demo.Suite.setUp(Suite.java:3)");
        attribution.started("test");

        assertTrue(attribution.finished("test").isEmpty());
        assertEquals(List.of(suiteSetUp), attribution.outsideTests());
    }

    @Test
    void a_pool_a_static_initializer_created_during_a_test_is_outside_every_test() {
        attribution.started("test");
        PoolSeen shared = pools.create("demo.SharedPool.<clinit>(SharedPool.java:8)");

        assertTrue(attribution.finished("test").isEmpty());
        assertEquals(List.of(shared), attribution.outsideTests());
    }

    @Test
    void a_test_runner_pool_is_never_reported() {
        pools.create("");
        attribution.started("test");
        pools.create("");

        assertTrue(attribution.finished("test").isEmpty());
        assertEquals(List.of(), attribution.outsideTests());
    }

    @Test
    void a_pool_shut_down_within_the_grace_is_not_a_leak_and_the_wait_ends_when_it_is() {
        LeakAttribution patient = new LeakAttribution(pools, 60_000, System::nanoTime);
        patient.started("test");
        PoolSeen shutDownLate = pools.create(TEST_SITE);
        pools.shutDownAfterQueries(shutDownLate, 3);

        long start = System.nanoTime();
        Verdict verdict = patient.finished("test");

        assertTrue(verdict.isEmpty(), verdict.toString());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "waited until it was shut down, not the whole grace");
    }

    @Test
    void a_pool_still_open_when_the_grace_ends_is_a_leak() {
        long[] now = {0};
        LeakAttribution patient = new LeakAttribution(pools, 50, () -> now[0] += 10_000_000);
        patient.started("test");
        PoolSeen leaked = pools.create(TEST_SITE);

        assertEquals(List.of(leaked), patient.finished("test").leaked());
    }

    @Test
    void the_extension_and_the_listener_get_the_same_verdict_for_one_test() {
        attribution.started("test");
        PoolSeen leaked = pools.create(TEST_SITE);
        Verdict atAfterEach = attribution.judge("test");
        pools.shutDown(leaked);

        assertEquals(atAfterEach, attribution.finished("test"));
    }
}
