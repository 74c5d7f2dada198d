package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The exit report the agent printed on stderr, cut into its header line and its numbered entries.
 *
 * @param header the first line, e.g. {@code poolwatch: 3 of 3 pools leaked}
 * @param entries the numbered entries, in order
 * @param text every line from the header to the end of stderr
 */
record PrintedReport(String header, List<Entry> entries, String text) {

    private static final Pattern HEADER = Pattern.compile(
            "poolwatch: \\d+ (of \\d+ pools? leaked.*|pools? seen, none leaked(; .*)?|tasks? submitted after shutdown; .*)");
    private static final Pattern ENTRY = Pattern.compile("(\\d+)\\. (.*)");
    private static final String INDENT = "   ";
    private static final String FRAME = INDENT + "at ";
    private static final Pattern CREATION_TIMES = Pattern.compile("(?<=created (at|from|from .{12} to) )\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");

    /**
     * One entry: {@code 1. OPEN_IDLE: 3 × java.util.concurrent.ThreadPoolExecutor — never shut down}
     * and the indented lines under it.
     *
     * @param title the first line without its number
     * @param lines the lines under it, less their three-space indent
     */
    record Entry(String title, List<String> lines) {

        /** The line starting with {@code prefix}, e.g. {@code "at exit: "}. */
        String line(String prefix) {
            return lines.stream().filter(line -> line.startsWith(prefix)).findFirst()
                    .orElseGet(() -> fail("no line starting with '" + prefix + "' in entry " + this));
        }

        /** The frames listed under {@code heading}, e.g. {@code created by thread "main" at:}, without "at ". */
        List<String> frames(String heading) {
            int start = lines.indexOf(heading);
            assertTrue(start >= 0, "no line '" + heading + "' in entry " + this);
            List<String> frames = new ArrayList<>();
            for (int i = start + 1; i < lines.size() && lines.get(i).startsWith(FRAME); i++) {
                frames.add(lines.get(i).substring(FRAME.length()));
            }
            return frames;
        }
    }

    /** The one report in {@code stderr}; fails if there is none or more than one. */
    static PrintedReport in(String stderr) {
        List<String> lines = stderr.lines().toList();
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (HEADER.matcher(lines.get(i)).matches()) {
                headers.add(i);
            }
        }
        assertEquals(1, headers.size(), "exactly one exit report on stderr:\n" + stderr);
        int start = headers.get(0);
        List<Entry> entries = new ArrayList<>();
        for (int i = start + 1; i < lines.size(); i++) {
            var numbered = ENTRY.matcher(lines.get(i));
            if (numbered.matches()) {
                assertEquals(entries.size() + 1, Integer.parseInt(numbered.group(1)), "entries are numbered in order:\n" + stderr);
                List<String> under = new ArrayList<>();
                while (i + 1 < lines.size() && lines.get(i + 1).startsWith(INDENT)) {
                    under.add(lines.get(++i).substring(INDENT.length()));
                }
                entries.add(new Entry(numbered.group(2), List.copyOf(under)));
            } else if (!lines.get(i).isEmpty()) {
                break; // a line of its own after the entries
            }
        }
        return new PrintedReport(lines.get(start), List.copyOf(entries),
                String.join("\n", lines.subList(start, lines.size())));
    }

    /**
     * The same report with the times its pools were created blanked out, for comparing the reports
     * of two runs.
     */
    PrintedReport withoutTimes() {
        List<Entry> timeless = new ArrayList<>();
        for (Entry entry : entries) {
            List<String> lines = new ArrayList<>();
            for (String line : entry.lines()) {
                lines.add(CREATION_TIMES.matcher(line).replaceAll("hh:mm:ss.SSS"));
            }
            timeless.add(new Entry(entry.title(), List.copyOf(lines)));
        }
        return new PrintedReport(header, List.copyOf(timeless), CREATION_TIMES.matcher(text).replaceAll("hh:mm:ss.SSS"));
    }

    /** Entry {@code number}, counted from 1 as printed. */
    Entry entry(int number) {
        assertTrue(number <= entries.size(), "no entry " + number + " in\n" + text);
        return entries.get(number - 1);
    }
}
