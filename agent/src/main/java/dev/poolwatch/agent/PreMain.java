package dev.poolwatch.agent;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.BiConsumer;

/**
 * The agent's entry points, and nothing else: open the agent's own class loader and hand over to
 * {@link Startup} there.
 *
 * <p>This class is loaded by the system class loader, like every {@code -javaagent} entry point;
 * the rest of the agent lives in an {@link AgentClassLoader} (see there for why). It must mention
 * no other agent class but those two, and {@link Console} when it cannot start at all.
 */
public final class PreMain {

    // Named in text: a class literal would load the class here, in the system class loader.
    private static final String AT_LAUNCH = "dev.poolwatch.agent.Startup$AtLaunch";
    private static final String ON_ATTACH = "dev.poolwatch.agent.Startup$OnAttach";

    /**
     * The agent's loader, opened once per JVM: an attach after a {@code -javaagent} start, or a second
     * attach, finds the agent installed by the first one and its state, instead of a fresh copy of
     * every class that knows nothing of it.
     */
    private static AgentClassLoader loader;

    private PreMain() {
    }

    /**
     * Called for {@code -javaagent:poolwatch-agent.jar[=options]}. Never stops the JVM but for a bad
     * option: whatever else goes wrong, the program runs, unchecked, and says so in one line.
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        try {
            entry(AT_LAUNCH).accept(arguments, instrumentation);
        } catch (Throwable failure) {
            Console.stderr().println("poolwatch: ERROR: the agent could not start, so this JVM runs unchecked: " + failure);
        }
    }

    /** Called when the agent is attached to a running JVM; any failure, a bad option included, fails the attach. */
    public static void agentmain(String arguments, Instrumentation instrumentation) throws Exception {
        entry(ON_ATTACH).accept(arguments, instrumentation);
    }

    private static synchronized AgentClassLoader loader() throws Exception {
        if (loader == null) {
            Path jar = Paths.get(PreMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            loader = new AgentClassLoader(jar);
        }
        return loader;
    }

    @SuppressWarnings("unchecked")
    private static BiConsumer<String, Instrumentation> entry(String className) throws Exception {
        Class<?> entry = loader().loadClass(className);
        return (BiConsumer<String, Instrumentation>) entry.getDeclaredConstructor().newInstance();
    }
}
