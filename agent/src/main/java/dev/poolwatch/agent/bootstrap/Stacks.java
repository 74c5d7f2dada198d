package dev.poolwatch.agent.bootstrap;

/** Turns a captured stack into a key, so that events from the same call path are counted together. */
final class Stacks {

    private static final String OWN_PACKAGE = "dev.poolwatch.agent.bootstrap.";

    private Stacks() {
    }

    static String key(Throwable site) {
        StringBuilder key = new StringBuilder();
        for (StackTraceElement frame : site.getStackTrace()) {
            if (!frame.getClassName().startsWith(OWN_PACKAGE)) {
                key.append('|').append(frame);
            }
        }
        return key.toString();
    }
}
