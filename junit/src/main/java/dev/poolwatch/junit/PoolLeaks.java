package dev.poolwatch.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the configuration parameter {@code poolwatch.mode} for one test class or one test method:
 * {@code @PoolLeaks(Mode.WARN)} on a test that is known to leak keeps it from failing in a
 * {@code fail}-mode run, {@code @PoolLeaks(Mode.OFF)} leaves a class out of the checks.
 *
 * <p>The mode of a test method is the one its own annotation names, else its class's (the nearest of
 * the class and, for a {@code @Nested} class, the classes it is nested in; inherited by subclasses),
 * else {@code poolwatch.mode}. A class's own leaks (what its {@code @BeforeAll}/{@code @AfterAll} left
 * open) take the class's mode. The modes act as {@code poolwatch.mode} does, for that test only:
 * <ul>
 *   <li>{@link Mode#WARN}: its leaks are printed and written to the JSON report, and it does not fail;
 *   <li>{@link Mode#FAIL}: it also fails for a leak (which, as {@code poolwatch.mode=fail} does, needs
 *       {@code junit.jupiter.extensions.autodetection.enabled=true});
 *   <li>{@link Mode#OFF}: the pools it leaves open are neither printed, failed for, nor written, and are
 *       not reported as created outside every test either.
 * </ul>
 * The annotation cannot turn checks on in a run where {@code poolwatch.mode=off}: such a run has no
 * checks to turn on.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PoolLeaks {

    /** What poolwatch does with this class's or method's leaks. */
    Mode value();
}
