package dev.poolwatch.junit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the JSON report atomically: to a temporary file in the same directory, then renamed over the
 * report, so a reader (a CI step, the next build) never sees half a report. A report that cannot be
 * written is one line on the console, never a failed run.
 */
final class ReportFile {

    private ReportFile() {
    }

    static void write(Path file, String json, PrintStream console) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException noAtomicRename) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException unwritable) {
            console.println("poolwatch: could not write the report " + target + " (" + Settings.REPORT_FILE + "): "
                    + unwritable);
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException | RuntimeException ignored) {
            // the line above already says the report is missing; a stray temporary file adds nothing to fix
        }
    }
}
