package dev.poolwatch.junit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One leak a baseline knows: the test (or class) that leaked it, and where the pool was created, told
 * by the first frame of its creation site without its line number. Not by kind (the same pool may be
 * collected in one run and still open in the next) nor by the whole stack (a caller's line moves with
 * every edit): the test and the creating method are what stay the same while the leak does.
 *
 * @param className the test's class, {@code null} for a pool created outside every test
 * @param methodName the test's method, {@code null} for a class's own leak or one outside every test
 * @param creatingMethod the first frame of the creation site without its line number, e.g.
 *     {@code demo.LeakyTest.leaks(LeakyTest.java)}; for a task submitted after shutdown, which the Maven
 *     plugin's {@code check} counts too, the first frame of where it was submitted
 * @param poolType the pool's class: for the reader of the file, not matched
 */
public record KnownLeak(String className, String methodName, String creatingMethod, String poolType) {

    static KnownLeak of(String className, String methodName, PoolSeen pool) {
        return new KnownLeak(className, methodName, creatingMethod(pool.creationSite()), pool.poolType());
    }

    /** The first frame of {@code site}, {@code "demo.A.run(A.java:12)"}, as {@code "demo.A.run(A.java)"}. */
    public static String creatingMethod(List<String> site) {
        if (site.isEmpty()) {
            return "";
        }
        String frame = site.get(0);
        int lineNumber = frame.lastIndexOf(':');
        return lineNumber > frame.lastIndexOf('(') && frame.endsWith(")") ? frame.substring(0, lineNumber) + ")" : frame;
    }

    /** A test (or class, with {@code methodName} null) as {@link Baseline} keys the tests that ran. */
    public static List<String> test(String className, String methodName) {
        return Arrays.asList(className, methodName);
    }

    /** The test as poolwatch prints it, {@code demo.LeakyTest.leaks()} or a class's name; {@code null} outside every test. */
    public String testName() {
        if (className == null) {
            return null;
        }
        return methodName == null ? className : className + "." + methodName + "()";
    }

    /** What tells two leaks apart: the test, the class and method, and the creating method; not the pool type. */
    public List<String> key() {
        return Arrays.asList(className, methodName, creatingMethod);
    }
}
