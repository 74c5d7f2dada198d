package dev.poolwatch.it.programs;

import java.nio.file.Path;
import java.nio.file.Paths;

import com.sun.tools.attach.VirtualMachine;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

/**
 * Loads Netty's group classes (a group created and shut down), then attaches the agent to itself
 * (the jar and its options in the arguments; the JVM runs with {@code -Djdk.attach.allowAttachSelf=true}),
 * then leaks a group: the agent, attached after the class loaded, still sees that one.
 */
public final class NettyGroupAfterAttach {

    private NettyGroupAfterAttach() {
    }

    public static void main(String[] args) throws Exception {
        EventLoopGroup before = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        before.shutdownGracefully().sync();

        Path agentJar = Paths.get(args[0]);
        VirtualMachine self = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
        try {
            self.loadAgent(agentJar.toString(), args[1]);
        } finally {
            self.detach();
        }

        EventLoopGroup after = leak();
        after.submit(() -> { }).sync();
        System.exit(0);
    }

    private static EventLoopGroup leak() {
        return new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }
}
