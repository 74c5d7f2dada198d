package dev.poolwatch.benchmarks.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPython's {@code multiprocessing.pool.ThreadPool.map}, in one {@code python3} process that lives
 * as long as this side: each call sends the chunk size and reads back the time the script measured
 * around its own {@code map} call, so the interpreter's start-up is never counted and the calls
 * interleave with the Java sides'. While Python works the JVM waits, and the other way round.
 */
final class CpythonMap implements MapSide, AutoCloseable {

    static final Path SCRIPT = Path.of("benchmarks/python/threadpool_map.py");

    private final Process python;
    private final Writer chunksizes;
    private final BufferedReader millis;

    CpythonMap(int items, int processes) throws IOException {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException(SCRIPT + " not found: run from the repository root");
        }
        python = new ProcessBuilder("python3", SCRIPT.toString(), String.valueOf(items), String.valueOf(processes))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        chunksizes = new OutputStreamWriter(python.getOutputStream(), StandardCharsets.US_ASCII);
        millis = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** The interpreter's version, for the tables: {@code CPython 3.11.7}. */
    static String version() throws IOException, InterruptedException {
        Process python = new ProcessBuilder("python3", "-c", "import platform; print(platform.python_implementation(),"
                + " platform.python_version())").redirectErrorStream(true).start();
        String version = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        python.waitFor();
        return version;
    }

    @Override
    public String name() {
        return "CPython ThreadPool.map";
    }

    @Override
    public double timeOneCall(int chunksize) throws IOException {
        chunksizes.write(chunksize + "\n");
        chunksizes.flush();
        String line = millis.readLine();
        if (line == null) {
            throw new IllegalStateException("python3 " + SCRIPT + " ended early, exit status "
                    + python.onExit().join().exitValue());
        }
        return Double.parseDouble(line);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        chunksizes.close();
        if (!python.waitFor(30, TimeUnit.SECONDS)) {
            python.destroyForcibly();
        }
    }
}
