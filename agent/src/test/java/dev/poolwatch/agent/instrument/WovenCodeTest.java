package dev.poolwatch.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * Reads each woven class back into ASM's tree of every instruction, takes the woven calls out again and
 * checks that what is left is the original method exactly: every instruction, and every jump,
 * switch case, exception range, stack map frame, line number and local variable range still at the
 * same instruction. A relocation mistake anywhere shows up as a difference.
 */
class WovenCodeTest {

    static Stream<PoolTargets.Target> targets() {
        return PoolTargets.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void woven_methods_are_the_original_ones_plus_the_calls(PoolTargets.Target target) throws IOException {
        byte[] original;
        try (InputStream in = ClassLoader.getSystemResourceAsStream(target.internalName() + ".class")) {
            assumeTrue(in != null, target.className() + " is not in this JDK");
            original = in.readAllBytes();
        }
        assertOriginalPlusCalls(original, target);
    }

    /** Weaves the class and checks that taking the calls out again gives back every method as it was. */
    static void assertOriginalPlusCalls(byte[] original, PoolTargets.Target target) {
        List<String> hooked = new ArrayList<>();
        ClassNode before = read(original);
        ClassNode after = read(PoolWeaver.weave(original, target, hooked));
        assertFalse(hooked.isEmpty(), target.className());

        assertEquals(before.methods.size(), after.methods.size());
        int callsTakenOut = 0;
        int methodsWithCalls = 0;
        for (int i = 0; i < before.methods.size(); i++) {
            MethodNode expected = before.methods.get(i);
            MethodNode woven = after.methods.get(i);
            String method = target.className() + "." + expected.name + expected.desc;
            int calls = takeOutWovenCalls(woven);
            boolean callExpected = hooked.contains(expected.name + expected.desc)
                    && (!expected.desc.endsWith(")V") || returns(expected)); // a void method may only throw
            assertEquals(callExpected, calls > 0, method);
            callsTakenOut += calls;
            methodsWithCalls += callExpected ? 1 : 0;
            assertEquals(describe(expected), describe(woven), method);
            assertEquals(expected.maxLocals, woven.maxLocals, method);
            assertTrue(woven.maxStack >= expected.maxStack, method);
        }
        assertTrue(callsTakenOut >= methodsWithCalls, target.className());
    }

    private static boolean returns(MethodNode method) {
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction.getOpcode() == Opcodes.RETURN) {
                return true;
            }
        }
        return false;
    }

    private static ClassNode read(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.EXPAND_FRAMES);
        return node;
    }

    /** Removes each call into PoolEvents with the instructions that feed it; returns how many calls. */
    private static int takeOutWovenCalls(MethodNode method) {
        int calls = 0;
        for (AbstractInsnNode node : method.instructions.toArray()) {
            if (!(node instanceof MethodInsnNode call) || !call.owner.equals(PoolWeaver.EVENTS)) {
                continue;
            }
            calls++;
            if (call.name.equals("rejectedThrowing")) {
                takeOutHandler(method, call);
                continue;
            }
            List<AbstractInsnNode> inserted = new ArrayList<>();
            int arguments = call.desc.equals("(Ljava/lang/Object;Ljava/lang/String;)V") ? 2 : 1;
            for (AbstractInsnNode argument = call.getPrevious(); inserted.size() < arguments; argument = argument.getPrevious()) {
                inserted.add(0, argument);
            }
            inserted.add(call);
            if (call.name.equals("created") || call.name.equals("platformMBeanServer")) { // before a return
                assertNoLabelWithin(inserted.get(0), inserted.get(inserted.size() - 1).getNext(), method,
                        "a jump to the return must run the call before it");
            } else {
                assertNoLabelWithin(method.instructions.getFirst(), inserted.get(inserted.size() - 1).getNext(), method,
                        "the call at entry must run once, before anything a jump can reach");
            }
            for (AbstractInsnNode instruction : inserted) {
                method.instructions.remove(instruction);
            }
        }
        return calls;
    }

    private static void assertNoLabelWithin(AbstractInsnNode from, AbstractInsnNode to, MethodNode method, String why) {
        for (AbstractInsnNode node = from; node != to; node = node.getNext()) {
            assertFalse(node instanceof LabelNode, method.name + method.desc + ": " + why);
        }
    }

    /**
     * The appended {@code dup; aload_0; swap; invokestatic; athrow}, its frame and its (last) table
     * entry. Its label stays: the original code's end may share it.
     */
    private static void takeOutHandler(MethodNode method, MethodInsnNode call) {
        TryCatchBlockNode last = method.tryCatchBlocks.remove(method.tryCatchBlocks.size() - 1);
        assertEquals("java/util/concurrent/RejectedExecutionException", last.type);
        AbstractInsnNode first = call.getPrevious().getPrevious().getPrevious();
        assertEquals(Opcodes.DUP, first.getOpcode());
        assertTrue(first.getPrevious() instanceof FrameNode, "the handler has a frame");
        assertNotNull(call.getNext());
        assertEquals(Opcodes.ATHROW, call.getNext().getOpcode());
        assertEquals(null, call.getNext().getNext(), "the handler is the last code");
        method.instructions.remove(first.getPrevious());
        while (first != null) {
            AbstractInsnNode next = first.getNext();
            method.instructions.remove(first);
            first = next;
        }
    }

    /**
     * The method as text in which every label is the index of the instruction it stands before, so
     * that moved code compares equal exactly when everything points at the same instruction.
     */
    private static String describe(MethodNode method) {
        Map<LabelNode, Integer> index = new IdentityHashMap<>();
        int instructions = 0;
        for (AbstractInsnNode node : method.instructions) {
            if (node instanceof LabelNode label) {
                index.put(label, instructions);
            } else if (node.getOpcode() >= 0) {
                instructions++;
            }
        }
        StringBuilder text = new StringBuilder();
        int at = 0;
        for (AbstractInsnNode node : method.instructions) {
            if (node instanceof JumpInsnNode jump) {
                text.append(at).append(": ").append(jump.getOpcode()).append(" -> ").append(index.get(jump.label));
            } else if (node instanceof TableSwitchInsnNode table) {
                text.append(at).append(": tableswitch ").append(table.min).append("..").append(table.max)
                        .append(" default ").append(index.get(table.dflt)).append(" cases ").append(targets(table.labels, index));
            } else if (node instanceof LookupSwitchInsnNode lookup) {
                text.append(at).append(": lookupswitch ").append(lookup.keys).append(" default ")
                        .append(index.get(lookup.dflt)).append(" cases ").append(targets(lookup.labels, index));
            } else if (node instanceof FrameNode frame) {
                text.append("frame at ").append(at).append(' ').append(types(frame.local, index)).append(' ')
                        .append(types(frame.stack, index));
            } else if (node instanceof LineNumberNode line) {
                text.append("line ").append(line.line).append(" at ").append(index.get(line.start));
            } else if (node.getOpcode() >= 0) {
                text.append(at).append(": ").append(plain(node).strip());
            } else {
                continue;
            }
            text.append('\n');
            if (node.getOpcode() >= 0) {
                at++;
            }
        }
        for (TryCatchBlockNode handler : method.tryCatchBlocks) {
            text.append("try ").append(index.get(handler.start)).append("..").append(index.get(handler.end))
                    .append(" catch ").append(handler.type).append(" at ").append(index.get(handler.handler)).append('\n');
        }
        if (method.localVariables != null) {
            for (LocalVariableNode local : method.localVariables) {
                text.append("local ").append(local.index).append(' ').append(local.name).append(' ').append(local.desc)
                        .append(' ').append(local.signature).append(' ').append(index.get(local.start)).append("..")
                        .append(index.get(local.end)).append('\n');
            }
        }
        return text.toString();
    }

    private static List<Integer> targets(List<LabelNode> labels, Map<LabelNode, Integer> index) {
        List<Integer> targets = new ArrayList<>();
        for (LabelNode label : labels) {
            targets.add(index.get(label));
        }
        return targets;
    }

    /** Frame types, with the {@code new} instruction of an uninitialized type given by its index. */
    private static List<Object> types(List<Object> types, Map<LabelNode, Integer> index) {
        List<Object> described = new ArrayList<>();
        if (types != null) {
            for (Object type : types) {
                described.add(type instanceof LabelNode label ? "uninitialized@" + index.get(label) : type);
            }
        }
        return described;
    }

    /** An instruction that names no label, as ASM's Textifier prints it. */
    private static String plain(AbstractInsnNode node) {
        Textifier textifier = new Textifier();
        node.accept(new TraceMethodVisitor(textifier));
        StringWriter text = new StringWriter();
        textifier.print(new PrintWriter(text));
        return text.toString();
    }
}
