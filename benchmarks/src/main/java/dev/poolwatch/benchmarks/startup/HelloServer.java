package dev.poolwatch.benchmarks.startup;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The realistic start whose time is taken: an embedded Jetty server on the loopback interface that
 * answers one request of its own and stops, about 2,000 classes loaded, Jetty's thread pool among
 * them.
 */
public final class HelloServer {

    private HelloServer() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Hello());
        server.start();
        try {
            System.out.println(get(new URL("http://127.0.0.1:" + connector.getLocalPort() + "/")));
        } finally {
            server.stop();
        }
    }

    private static String get(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try (InputStream body = connection.getInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    private static final class Hello extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.write(true, ByteBuffer.wrap("hello from Jetty".getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }
}
