package dev.poolwatch.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private PrintStream console() {
        return new PrintStream(console, true, StandardCharsets.UTF_8);
    }

    @Test
    void the_report_replaces_the_last_one_and_leaves_no_temporary_file_behind() throws IOException {
        Path report = directory.resolve("target/poolwatch-tests.json");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "the last run's report");

        assertTrue(ReportFile.write(report, "poolwatch.reportFile", "{\"tests\": []}\n", console()));

        assertEquals("{\"tests\": []}\n", Files.readString(report));
        try (Stream<Path> files = Files.list(report.getParent())) {
            assertEquals(List.of(report), files.toList());
        }
        assertEquals("", console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missing_directories_are_created() throws IOException {
        Path report = directory.resolve("a/b/report.json");

        assertTrue(ReportFile.write(report, "poolwatch.reportFile", "{}", console()));

        assertEquals("{}", Files.readString(report));
    }

    @Test
    void a_report_that_cannot_be_written_is_one_line_and_no_exception() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("target"), "a file where the directory should be");

        assertFalse(ReportFile.write(notADirectory.resolve("poolwatch-tests.json"), "poolwatch.reportFile", "{}", console()));

        String said = console.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("poolwatch: could not write " + notADirectory.resolve("poolwatch-tests.json")
                + " (poolwatch.reportFile): "), said);
        assertEquals(1, said.lines().count(), said);
        assertEquals("a file where the directory should be", Files.readString(notADirectory));
    }
}
