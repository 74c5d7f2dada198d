package dev.poolwatch.junit;

import java.util.Locale;

/** What poolwatch does with a leak it attributes to a test, set by the configuration parameter {@code poolwatch.mode}. */
public enum Mode {
    /** Prints each leak under the name of the test that leaked it; no test fails. The default. */
    WARN,
    /** Prints each leak, and fails the test (or the class) that leaked it. */
    FAIL,
    /** Checks nothing and prints nothing. */
    OFF;

    /** The mode of a parameter value, case ignored, or {@code null} if it names none. */
    static Mode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
