package dev.poolwatch.agent.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pool kinds a user adds with {@code kinds=<file>}: one per line,
 * <pre>
 * # name   class                       close methods   [frames of its own]
 * workers  com.acme.work.WorkerPool    stop,close      com.acme.work.
 * </pre>
 * Blank lines and lines starting with {@code #} are skipped. The last field, optional, is the
 * package (or class) prefix whose frames are the kind's own: a site starts past them, and a JDK pool
 * created under them belongs to the kind's pool. Without it, only the class itself (and its nested
 * classes) is, so that a program's own package never hides its frames.
 */
public final class KindsFile {

    private static final String SHAPE = "<name> <class> <close methods, comma-separated> [<prefix of its own frames>]";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern CLASS = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");
    private static final Pattern METHOD = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

    private KindsFile() {
    }

    /**
     * The kinds in {@code file}.
     *
     * @throws IllegalArgumentException naming the file, the line and what is wrong with it
     */
    public static List<LibraryKind> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalArgumentException("kinds file " + file + " cannot be read: " + unreadable);
        }
        List<LibraryKind> kinds = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            LibraryKind kind = kind(line, file, i + 1);
            for (LibraryKind earlier : kinds) {
                if (earlier.name().equals(kind.name()) || earlier.className().equals(kind.className())) {
                    throw bad(file, i + 1, "kind " + kind.name() + " (" + kind.className() + ") is given twice");
                }
            }
            kinds.add(kind);
        }
        return kinds;
    }

    private static LibraryKind kind(String line, Path file, int number) {
        String[] fields = line.split("\\s+");
        if (fields.length < 3 || fields.length > 4) {
            throw bad(file, number, "expected " + SHAPE + ", got '" + line + "'");
        }
        if (!NAME.matcher(fields[0]).matches()) {
            throw bad(file, number, "'" + fields[0] + "' is not a kind name: letters, digits, '-' and '_', a letter first");
        }
        if (!CLASS.matcher(fields[1]).matches()) {
            throw bad(file, number, "'" + fields[1] + "' is not a class's binary name, such as com.acme.work.WorkerPool");
        }
        List<String> closeMethods = Arrays.asList(fields[2].split(",", -1));
        for (String method : closeMethods) {
            if (!METHOD.matcher(method).matches()) {
                throw bad(file, number, "'" + fields[2] + "' is not a list of method names separated by ','");
            }
        }
        String ownFrames = fields.length == 4 ? fields[3] : fields[1];
        return new LibraryKind(fields[0], fields[1], closeMethods, ownFrames);
    }

    private static IllegalArgumentException bad(Path file, int line, String problem) {
        return new IllegalArgumentException("kinds file " + file + ", line " + line + ": " + problem);
    }
}
