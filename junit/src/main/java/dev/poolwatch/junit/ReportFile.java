package dev.poolwatch.junit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a JSON file (the report, the baseline) atomically: to a temporary file in the same directory,
 * then renamed over the last one, so a reader (a CI step, the next build) never sees half a file. A file that cannot be
 * written is one line on the console, never a failed run.
 */
final class ReportFile {

    private ReportFile() {
    }

    /** Writes {@code json} to {@code file}, named by the parameter {@code setting}; whether it was written. */
    static boolean write(Path file, String setting, String json, PrintStream console) {
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
            return true;
        } catch (IOException | RuntimeException unwritable) {
            console.println("poolwatch: could not write " + target + " (" + setting + "): " + unwritable);
            deleteQuietly(temp);
            return false;
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException | RuntimeException ignored) {
            // the line above already says the file is missing; a stray temporary file adds nothing to fix
        }
    }
}
