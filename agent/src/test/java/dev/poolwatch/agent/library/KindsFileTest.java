package dev.poolwatch.agent.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KindsFileTest {

    @TempDir
    Path directory;

    private Path file(String text) throws Exception {
        return Files.writeString(directory.resolve("kinds.txt"), text);
    }

    @Test
    void each_line_is_a_kind_and_comments_and_blank_lines_are_skipped() throws Exception {
        List<LibraryKind> kinds = KindsFile.read(file("# our pools\n\n"
                + "workers  com.acme.work.WorkerPool  stop,close  com.acme.work.\n"
                + "  jobs\tcom.acme.Jobs$Runner\tshutdown\n"));

        assertEquals(List.of(new LibraryKind("workers", "com.acme.work.WorkerPool", List.of("stop", "close"), "com.acme.work."),
                new LibraryKind("jobs", "com.acme.Jobs$Runner", List.of("shutdown"), "com.acme.Jobs$Runner")), kinds);
    }

    @Test
    void a_bad_line_is_named_with_what_is_wrong_with_it() throws Exception {
        assertEquals("line 1: expected <name> <class> <close methods, comma-separated> [<prefix of its own frames>],"
                + " got 'a b'", problem("a b\n"));
        assertEquals("line 2: 'WorkerPool' is not a class's binary name, such as com.acme.work.WorkerPool",
                problem("# x\nworkers WorkerPool stop\n"));
        assertEquals("line 1: 'stop;close' is not a list of method names separated by ','",
                problem("workers com.acme.WorkerPool stop;close\n"));
        assertEquals("line 1: '9lives' is not a kind name: letters, digits, '-' and '_', a letter first",
                problem("9lives com.acme.WorkerPool stop\n"));
        assertEquals("line 2: kind b (com.acme.A) is given twice", problem("a com.acme.A stop\nb com.acme.A close\n"));
    }

    private String problem(String text) throws Exception {
        Path file = file(text);
        String message = assertThrows(IllegalArgumentException.class, () -> KindsFile.read(file)).getMessage();
        String prefix = "kinds file " + file + ", ";
        assertEquals(prefix, message.substring(0, prefix.length()), message);
        return message.substring(prefix.length());
    }

    @Test
    void a_missing_file_says_so() {
        Path missing = directory.resolve("missing.txt");
        assertEquals("kinds file " + missing + " cannot be read: java.nio.file.NoSuchFileException: " + missing,
                assertThrows(IllegalArgumentException.class, () -> KindsFile.read(missing)).getMessage());
    }
}
