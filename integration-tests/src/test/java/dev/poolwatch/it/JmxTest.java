package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.junit.jupiter.api.Test;

import com.sun.tools.attach.VirtualMachine;

import dev.poolwatch.samples.NonDaemonPoolKeepsJvmAlive;
import dev.poolwatch.samples.PerRequestPoolServer;

/**
 * The MBean {@code dev.poolwatch:type=PoolWatch}, read as JConsole reads it: through the local JMX
 * connector a console starts in the running JVM. The agent itself never starts JMX.
 */
class JmxTest {

    private static final String MBEAN = "dev.poolwatch:type=PoolWatch";

    @Test
    void once_a_console_connects_the_mbean_counts_the_open_pools_and_gives_the_live_report() throws Exception {
        try (RunningJvm server = RunningJvm.start(List.of(ForkedJvm.javaagent("")), PerRequestPoolServer.class, "ready",
                "serve", "2");
                JMXConnector connector = connect(server.pid())) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName(MBEAN);

            assertEquals(2L, jmx.getAttribute(name, "PoolsCreated"));
            assertEquals(2, jmx.getAttribute(name, "OpenPools"));
            assertEquals(2, jmx.getAttribute(name, "OpenIdlePools"));
            assertEquals(0, jmx.getAttribute(name, "OpenBusyPools"));
            assertEquals(0, jmx.getAttribute(name, "TasksSubmittedAfterShutdown"));
            String json = (String) jmx.invoke(name, "reportJson", null, null);
            assertTrue(json.contains("{\"kind\": \"OPEN_IDLE\""), json);
            assertTrue(json.contains("dev.poolwatch.samples.PerRequestPoolServer.handle(PerRequestPoolServer.java:"), json);
            String text = (String) jmx.invoke(name, "reportText", null, null);
            assertTrue(text.contains("\npoolwatch: 2 of 2 pools open, never shut down\n"), text);
            Map<String, String> descriptions = new HashMap<>();
            for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(name).getAttributes()) {
                descriptions.put(attribute.getName(), attribute.getDescription());
            }
            assertEquals("open pools with nothing to do now", descriptions.get("OpenIdlePools"), descriptions.toString());
        }
    }

    @Test
    void with_jmx_false_there_is_no_mbean() throws Exception {
        try (RunningJvm server = RunningJvm.start(List.of(ForkedJvm.javaagent("jmx=false")), PerRequestPoolServer.class,
                "ready", "serve", "1");
                JMXConnector connector = connect(server.pid())) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();

            assertTrue(jmx.isRegistered(new ObjectName("java.lang:type=Runtime")), "the JVM's own MBeans are there");
            assertFalse(jmx.isRegistered(new ObjectName(MBEAN)));
        }
    }

    @Test
    void the_agent_starts_no_jmx_of_its_own() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(NonDaemonPoolKeepsJvmAlive.class)
                .agent("exitWatch=200ms,onHang=exit").jvmOption("-Xlog:class+load=info").run(NonDaemonPoolKeepsJvmAlive.class);

        assertEquals(3, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains(" java.util.concurrent.ThreadPoolExecutor "), "class loading is logged");
        assertFalse(result.stdout().contains(" javax.management.MBeanServer "), "no MBean server was created");
        assertFalse(result.stdout().contains(" java.lang.management.ManagementFactory "), "JMX was not even loaded");
    }

    /** What JConsole does for a local JVM: start its local JMX connector, then connect to it. */
    private static JMXConnector connect(long pid) throws Exception {
        VirtualMachine jvm = VirtualMachine.attach(String.valueOf(pid));
        try {
            return JMXConnectorFactory.connect(new JMXServiceURL(jvm.startLocalManagementAgent()));
        } finally {
            jvm.detach();
        }
    }
}
