package dev.poolwatch.samples.libraries;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

/**
 * Leaks a {@code NioEventLoopGroup}, Netty 4.1's group (still in 4.2), so that it runs on either:
 * the tests run it on 4.1's jars.
 */
public final class NettyNioGroupLeak {

    private NettyNioGroupLeak() {
    }

    @SuppressWarnings("deprecation") // 4.2 deprecates it for MultiThreadIoEventLoopGroup; 4.1 has only it
    public static void main(String[] args) throws Exception {
        EventLoopGroup group = new NioEventLoopGroup(2);
        group.submit(() -> { }).sync();
        System.exit(0);
    }
}
