package dev.poolwatch.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class PoolTransformerTest {

    private static final String TPE = "java/util/concurrent/ThreadPoolExecutor";

    private static byte[] classFile() throws IOException {
        try (InputStream in = Object.class.getModule().getResourceAsStream(TPE + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void a_class_woven_ahead_is_handed_over_when_the_same_class_file_loads() throws IOException {
        PoolTransformer transformer = new PoolTransformer();
        byte[] classFile = classFile();
        transformer.weaveAhead(TPE, classFile);
        byte[] first = transformer.transform(null, TPE, null, null, classFile.clone());
        byte[] second = transformer.transform(null, TPE, null, null, classFile.clone());

        assertArrayEquals(first, second, "the same weaving, ahead or not");
        assertNotSame(first, second, "the woven-ahead result is handed over once");
        assertTrue(transformer.hooked().get("java.util.concurrent.ThreadPoolExecutor").contains("shutdown()V"));
    }

    @Test
    void a_different_class_file_is_not_given_the_result_woven_ahead() throws IOException {
        PoolTransformer transformer = new PoolTransformer();
        transformer.weaveAhead(TPE, classFile());
        byte[] notAClassFile = {1, 2, 3};
        assertNull(transformer.transform(null, TPE, null, null, notAClassFile),
                "woven afresh, which fails and leaves the class as it was");
    }

    @Test
    void a_failed_weave_ahead_leaves_the_loading_thread_to_weave() throws IOException {
        PoolTransformer transformer = new PoolTransformer();
        transformer.weaveAhead(TPE, new byte[] {1, 2, 3});
        assertNotNull(transformer.transform(null, TPE, null, null, classFile()));
    }
}
