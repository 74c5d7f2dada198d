package dev.poolwatch.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Whether Surefire or Failsafe ran tests in this build: their {@code TEST-*.xml} reports. */
final class TestReports {

    private TestReports() {
    }

    /** The directories of {@code directories} that hold a test report. */
    static List<String> present(List<File> directories) {
        List<String> present = new ArrayList<>();
        for (File directory : directories == null ? List.<File>of() : directories) {
            Path path = directory.toPath();
            if (!Files.isDirectory(path)) {
                continue;
            }
            try (Stream<Path> files = Files.list(path)) {
                if (files.anyMatch(file -> file.getFileName().toString().matches("TEST-.*\\.xml"))) {
                    present.add(path.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return present;
    }
}
