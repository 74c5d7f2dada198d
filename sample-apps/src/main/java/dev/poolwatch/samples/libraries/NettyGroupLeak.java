package dev.poolwatch.samples.libraries;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

/**
 * Leaks a Netty event loop group: created, given a task, never {@code shutdownGracefully()}-ed. Its
 * threads are not daemons, so the program ends with {@code System.exit}, as a server's main does.
 */
public final class NettyGroupLeak {

    private NettyGroupLeak() {
    }

    public static void main(String[] args) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        group.submit(() -> { }).sync();
        System.exit(0);
    }
}
