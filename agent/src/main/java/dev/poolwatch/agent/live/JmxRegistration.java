package dev.poolwatch.agent.live;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.poolwatch.agent.bootstrap.InternalErrors;

/**
 * Registers the MBean {@value #NAME} in the platform MBean server the first time
 * {@code ManagementFactory} hands that server out: the agent never creates the server itself, which
 * would cost every program start-up time and a few hundred classes, but joins it as soon as anything
 * does (JConsole or VisualVM attaching, {@code -Dcom.sun.management.jmxremote}, a JMX exporter).
 *
 * <p>Installed with the agent, so this class names no JMX type: those load with the MBean, if ever.
 */
public final class JmxRegistration implements Consumer<Object> {

    public static final String NAME = "dev.poolwatch:type=PoolWatch";
    /** The class that hands the platform MBean server out. */
    public static final String MANAGEMENT_FACTORY = "java.lang.management.ManagementFactory";

    private final InstalledAgent agent;
    private final AtomicBoolean registered = new AtomicBoolean();

    public JmxRegistration(InstalledAgent agent) {
        this.agent = agent;
    }

    /**
     * Joins the platform MBean server now, for an agent that arrives once JMX is in use: the
     * server, created already or by this call, is handed out through the woven method as ever.
     */
    public static void joinNow() {
        try {
            ManagementFactory.getPlatformMBeanServer();
        } catch (RuntimeException | LinkageError failure) {
            InternalErrors.record(failure);
        }
    }

    @Override
    public void accept(Object server) {
        if (registered.get() || !registered.compareAndSet(false, true)) {
            return;
        }
        PoolWatchBean.register(server, agent);
    }
}
