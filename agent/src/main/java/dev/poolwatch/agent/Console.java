package dev.poolwatch.agent;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * Where the agent speaks: the process's own standard error, opened on file descriptor 2 when the
 * agent starts, not whatever {@code System.err} is at the moment. Test runners replace
 * {@code System.err} and stop reading it before the JVM exits (Maven Surefire's forks do), so a
 * report printed there as the JVM exits would reach nobody; the process's stderr reaches the
 * console.
 *
 * <p>The text is encoded as the JVM encodes its standard error. Where that encoding cannot show the
 * report's few non-ASCII characters (a C or POSIX locale on JDK 17), they are printed as their
 * ASCII look-alikes instead of as {@code ?}.
 */
final class Console {

    private static final String NON_ASCII = "×—";
    private static final String ASCII = "x-";

    private final PrintStream err;
    private final boolean showsNonAscii;

    private Console(PrintStream err, boolean showsNonAscii) {
        this.err = err;
        this.showsNonAscii = showsNonAscii;
    }

    /** The process's standard error, in the encoding the JVM uses for it. */
    static Console stderr() {
        Charset charset = stderrCharset();
        return new Console(new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset),
                canShow(charset.newEncoder()));
    }

    /**
     * {@code stderr.encoding} from JDK 19 on; before, {@code sun.stderr.encoding} when stderr is a
     * terminal, else the platform's encoding, which {@code native.encoding} names from JDK 17 on.
     */
    private static Charset stderrCharset() {
        for (String property : new String[] {"stderr.encoding", "sun.stderr.encoding", "native.encoding"}) {
            String name = System.getProperty(property);
            if (name != null) {
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException unsupported) {
                    // try the next one
                }
            }
        }
        return Charset.defaultCharset();
    }

    private static boolean canShow(CharsetEncoder encoder) {
        return encoder.canEncode(NON_ASCII);
    }

    /** Prints {@code text} as it is: it ends its own lines. */
    void print(String text) {
        err.print(showsNonAscii ? text : asAscii(text));
        err.flush();
    }

    /** Prints one line. */
    void println(String line) {
        print(line + System.lineSeparator());
    }

    static String asAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int replaced = NON_ASCII.indexOf(c);
            out.append(replaced < 0 ? c : ASCII.charAt(replaced));
        }
        return out.toString();
    }
}
