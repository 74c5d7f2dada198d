package dev.poolwatch.it.programs;

import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.objectweb.asm.ClassReader;

/**
 * A program with its own, older ASM on the class path, the library the agent weaves with: it reads
 * its own class file with ASM's {@code ClassReader}, then leaves a cached pool open.
 */
public final class UsesItsOwnAsm {

    private UsesItsOwnAsm() {
    }

    public static void main(String[] args) throws Exception {
        try (InputStream classFile = UsesItsOwnAsm.class.getResourceAsStream("UsesItsOwnAsm.class")) {
            ClassReader reader = new ClassReader(classFile);
            System.out.println("read " + reader.getClassName() + " with ASM from "
                    + ClassReader.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        }
        ExecutorService leaked = Executors.newCachedThreadPool();
        System.out.println("leaked " + leaked.getClass().getSimpleName());
    }
}
