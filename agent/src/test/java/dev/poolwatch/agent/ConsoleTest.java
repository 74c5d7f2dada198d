package dev.poolwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsoleTest {

    @Test
    void the_reports_non_ascii_characters_have_ascii_look_alikes() {
        assertEquals("1. OPEN_IDLE: 3 x java.util.concurrent.ThreadPoolExecutor - never shut down",
                Console.asAscii("1. OPEN_IDLE: 3 × java.util.concurrent.ThreadPoolExecutor — never shut down"));
    }
}
