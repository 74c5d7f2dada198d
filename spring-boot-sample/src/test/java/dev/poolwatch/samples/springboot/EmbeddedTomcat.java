package dev.poolwatch.samples.springboot;

import java.nio.file.Files;

import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat on 127.0.0.1, started and then, with the argument {@code stop}, stopped, or
 * without it left running when the program exits: its request pool leaks.
 */
public final class EmbeddedTomcat {

    private EmbeddedTomcat() {
    }

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("embedded-tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.start();
        System.out.println("serving on 127.0.0.1:" + tomcat.getConnector().getLocalPort());
        if (args.length > 0 && args[0].equals("stop")) {
            tomcat.stop();
            tomcat.destroy();
        }
        System.exit(0); // Tomcat's utility threads are not daemons
    }
}
