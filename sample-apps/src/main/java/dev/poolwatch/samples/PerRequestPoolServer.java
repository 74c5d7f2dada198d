package dev.poolwatch.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web handler that creates a thread pool per request and never closes it: the classic leak that
 * piles up threads. Serves on 127.0.0.1 only. With a count argument it sends itself that many
 * requests and exits; with {@code serve} it keeps serving until it is stopped.
 */
public final class PerRequestPoolServer {

    private PerRequestPoolServer() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/work", PerRequestPoolServer::handle);
        server.start();
        int port = server.getAddress().getPort();
        System.out.println("serving on 127.0.0.1:" + port);
        if (args.length > 0 && args[0].equals("serve")) {
            int requests = args.length > 1 ? Integer.parseInt(args[1]) : 3;
            sendRequests(port, requests);
            System.out.println("ready");
            return; // the server's and the leaked pools' threads keep the JVM alive until it is stopped
        }
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        sendRequests(port, requests);
        server.stop(0);
        System.out.println("done: " + requests + " requests");
        // The leaked pools' threads are not daemons: without exit, this JVM would never end.
        System.exit(0);
    }

    private static void sendRequests(int port, int requests) throws IOException {
        for (int i = 0; i < requests; i++) {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/work").openConnection();
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();
            }
            connection.disconnect();
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        String answer;
        try {
            Future<String> result = workers.submit(() -> "computed by " + Thread.currentThread().getName());
            answer = result.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            answer = "failed: " + e;
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
