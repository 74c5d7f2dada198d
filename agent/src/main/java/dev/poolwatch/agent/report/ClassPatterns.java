package dev.poolwatch.agent.report;

import java.util.List;

/** Class name patterns from the {@code includes} and {@code excludes} options: {@code *} matches any characters. */
public final class ClassPatterns {

    private final List<String> patterns;

    public ClassPatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    public boolean matches(String className) {
        for (String pattern : patterns) {
            if (matches(pattern, 0, className, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, int p, String text, int t) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int rest = t; rest <= text.length(); rest++) {
                    if (matches(pattern, p + 1, text, rest)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length() || text.charAt(t) != c) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
