package dev.poolwatch.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassPatternsTest {

    @ParameterizedTest
    @CsvSource({
        "com.acme.Handler,          com.acme.Handler,        true",
        "com.acme.Handler,          com.acme.HandlerTest,    false",
        "com.acme.*,                com.acme.web.Handler,    true",
        "com.acme.*,                org.acme.Handler,        false",
        "*Test,                     com.acme.HandlerTest,    true",
        "*Test,                     com.acme.TestHandler,    false",
        "com.*.web.*,               com.acme.web.Handler,    true",
        "com.*.web.*,               com.acme.api.Handler,    false",
        "*,                         anything.At.All,         true",
        "com.acme.Handler$*,        com.acme.Handler$Inner,  true",
    })
    void a_star_matches_any_characters_and_the_rest_matches_exactly(String pattern, String className, boolean matches) {
        assertEquals(matches, new ClassPatterns(List.of(pattern)).matches(className));
    }

    @ParameterizedTest
    @CsvSource({"org.x.Y, true", "com.acme.web.Handler, true", "net.Other, false"})
    void several_patterns_match_when_any_does(String className, boolean matches) {
        assertEquals(matches, new ClassPatterns(List.of("com.acme.*", "org.x.Y")).matches(className));
    }

    @ParameterizedTest
    @CsvSource({"com.acme.Handler", "x"})
    void no_patterns_match_nothing(String className) {
        assertEquals(false, new ClassPatterns(List.of()).matches(className));
    }
}
