package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OwnArgLineTest {

    @Test
    void theProjectsOwnArgLineReachesTheTestJvm() {
        assertEquals("kept", System.getProperty("demo.ownArgLine"));
    }
}
