package dev.poolwatch.it.programs;

/**
 * Asks which class loaders see the agent's relocated ASM and its bootstrap runtime: the JDK's own
 * classes must see the runtime they call, and nothing else of the agent.
 */
public final class LooksForTheAgentsAsm {

    private static final String AGENTS_ASM = "dev.poolwatch.agent.shaded.asm.ClassReader";
    private static final String AGENTS_RUNTIME = "dev.poolwatch.agent.bootstrap.PoolEvents";

    private LooksForTheAgentsAsm() {
    }

    public static void main(String[] args) {
        System.out.println("bootstrap loader, agent's ASM: " + found(AGENTS_ASM, null));
        System.out.println("bootstrap loader, agent's runtime: " + found(AGENTS_RUNTIME, null));
    }

    private static String found(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return "found";
        } catch (ClassNotFoundException notThere) {
            return "not found";
        }
    }
}
