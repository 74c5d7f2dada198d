package dev.poolwatch.samples.libraries;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

/**
 * Closes its Netty event loop group with {@code shutdownGracefully()} and exits at once, while the
 * group's threads may still be going: shut down is not leaked.
 */
public final class NettyGroupClean {

    private NettyGroupClean() {
    }

    public static void main(String[] args) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        group.submit(() -> { }).sync();
        group.shutdownGracefully();
        System.exit(0);
    }
}
