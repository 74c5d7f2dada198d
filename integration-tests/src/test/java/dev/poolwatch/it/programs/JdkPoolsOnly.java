package dev.poolwatch.it.programs;

import java.net.http.HttpClient;

/**
 * Creates no pool of its own: the JDK's {@code HttpClient} makes its default executor, a cached
 * thread pool, for itself. No request is sent.
 */
public final class JdkPoolsOnly {

    private JdkPoolsOnly() {
    }

    public static void main(String[] args) {
        HttpClient client = HttpClient.newHttpClient();
        System.out.println("client ready: " + client.version());
    }
}
