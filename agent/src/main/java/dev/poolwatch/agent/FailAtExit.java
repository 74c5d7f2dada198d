package dev.poolwatch.agent;

/**
 * {@code failOnLeak=true} when the agent could not start at all: nothing was checked, and a CI run
 * must not pass as if it had been. A plain shutdown hook, the one mechanism left, prints why and
 * ends the JVM with {@link AgentOptions#LEAK_EXIT_STATUS}.
 */
final class FailAtExit implements Runnable {

    private final Console console;
    private final String reason;

    private FailAtExit(Console console, String reason) {
        this.console = console;
        this.reason = reason;
    }

    static void because(Console console, String reason) {
        Thread hook = new Thread(new FailAtExit(console, reason), "poolwatch-fail-at-exit");
        hook.setDaemon(true);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void run() {
        console.println("poolwatch: failOnLeak=true and nothing could be checked, because " + reason + ": exit status "
                + AgentOptions.LEAK_EXIT_STATUS);
        Runtime.getRuntime().halt(AgentOptions.LEAK_EXIT_STATUS);
    }
}
