package dev.poolwatch.it.agents;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

import jdk.internal.access.SharedSecrets;

/**
 * Another agent that takes the JDK's last shutdown slot before poolwatch starts, as a second
 * diagnostics tool might: poolwatch has to fall back and keep the program running.
 */
public final class ShutdownSlotTaker {

    private ShutdownSlotTaker() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        Module self = ShutdownSlotTaker.class.getModule();
        instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of("jdk.internal.access", Set.of(self)),
                Map.of(), Set.of(), Map.of());
        SharedSecrets.getJavaLangAccess().registerShutdownHook(9, false, () -> { });
    }
}
