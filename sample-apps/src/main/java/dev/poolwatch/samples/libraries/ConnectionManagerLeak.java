package dev.poolwatch.samples.libraries;

import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;

/**
 * An HttpClient 5 pooling connection manager, never closed. With {@code close} as the first argument,
 * it closes it instead.
 */
public final class ConnectionManagerLeak {

    private ConnectionManagerLeak() {
    }

    public static void main(String[] args) {
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(4);
        if (args.length > 0 && args[0].equals("close")) {
            connections.close();
        }
    }
}
