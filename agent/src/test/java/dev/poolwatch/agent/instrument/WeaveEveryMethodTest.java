package dev.poolwatch.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The weaver on far more code than the pools have: every constructor and every instance method of
 * every class in six packages of {@code java.base} ({@code java.lang}, {@code java.util},
 * {@code java.util.concurrent}, ...) of the JDK running the test,
 * woven with a call before every return of constructors and void methods, and at the entry of or
 * in a handler around the others, and each checked to be the original plus the calls. Whatever
 * instruction, switch, frame or table a future JDK gives a pool class is very likely already here.
 */
class WeaveEveryMethodTest {

    private static final String[] PACKAGES = {"/modules/java.base/java/lang", "/modules/java.base/java/util",
        "/modules/java.base/java/util/concurrent", "/modules/java.base/java/util/regex",
        "/modules/java.base/java/util/stream", "/modules/java.base/java/time"};

    @Test
    void every_method_of_six_jdk_packages_woven_with_every_kind_of_call_is_the_original_plus_the_calls() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<Path> classFiles = new ArrayList<>();
        for (String directory : PACKAGES) {
            try (Stream<Path> files = Files.list(jrt.getPath(directory))) {
                files.filter(file -> file.toString().endsWith(".class")).forEach(classFiles::add);
            }
        }
        int woven = 0;
        for (Path classFile : classFiles) {
            byte[] original = Files.readAllBytes(classFile);
            PoolTargets.Target target = everyMethodOf(original);
            if (!target.hooks().isEmpty()) {
                WovenCodeTest.assertOriginalPlusCalls(original, target);
                woven++;
            }
        }
        assertTrue(woven > 1000, woven + " classes woven");
    }

    /**
     * Constructors and void methods get a call before every return, which moves code between a
     * jump and its target; the other methods alternate between a call at entry and a handler.
     */
    private static PoolTargets.Target everyMethodOf(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_CODE);
        List<PoolTargets.MethodHook> hooks = new ArrayList<>();
        int index = 0;
        for (MethodNode method : node.methods) {
            if ((method.access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                continue;
            }
            Hook hook = method.desc.endsWith(")V") ? Hook.CREATED
                    : index++ % 2 == 0 ? Hook.SHUTDOWN : Hook.REJECTED_THROWING;
            hooks.add(new PoolTargets.MethodHook(method.name, method.desc, hook, true));
        }
        return new PoolTargets.Target(node.name, List.copyOf(hooks), null);
    }
}
