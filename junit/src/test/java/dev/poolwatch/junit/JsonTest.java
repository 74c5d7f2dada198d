package dev.poolwatch.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void quotes_backslashes_and_control_characters_are_escaped() {
        assertEquals("\"a \\\"b\\\" c\\\\d\\n\\r\\t\\u0000\\u001f\\u2028 é\"", Json.string("a \"b\" c\\d\n\r\t\u0000\u001f\u2028 é"));
    }

    @Test
    void a_missing_string_is_null() {
        assertEquals("null", Json.string(null));
    }

    @Test
    void strings_are_an_array() {
        assertEquals("[]", Json.strings(List.of()));
        assertEquals("[\"a\", \"b\\\"\"]", Json.strings(List.of("a", "b\"")));
    }
}
